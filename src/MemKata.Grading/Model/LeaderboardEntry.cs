namespace MemKata.Grading.Model;

/// <summary>One column of a Gradescope leaderboard for a submission (the allocator's performance index, say): written
/// as given into <c>results.json</c>'s <c>leaderboard</c>.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="Value">The submission's value in it.</param>
/// <param name="Order"><c>asc</c> when lower is better, <c>desc</c> (Gradescope's default) when higher is; null for
/// the default.</param>
public sealed record LeaderboardEntry(string Name, double Value, string? Order = null);
