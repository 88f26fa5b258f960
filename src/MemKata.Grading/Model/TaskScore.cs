namespace MemKata.Grading.Model;

/// <summary>The score of one task (its weight from <c>grader.json</c>, earned test by test), or of the snapshot checks.
/// Snapshot checks and reports are not counted in their task's row.</summary>
/// <param name="Number">The task's number (for the snapshot row: the task the checks belong to).</param>
/// <param name="Title">Its title from <c>.meta/config.json</c>, if given.</param>
/// <param name="Points">Points earned.</param>
/// <param name="MaxPoints">Points it is worth.</param>
/// <param name="Passed">Hidden tests of this task that passed.</param>
/// <param name="Total">Hidden tests of this task.</param>
/// <param name="Attempted">False when every test of the task met the stub's <see cref="NotImplementedException"/>.</param>
/// <param name="IsBonus">An optional task: its points come on top of the maximum.</param>
public sealed record TaskScore(
    int Number, string? Title, double Points, double MaxPoints, int Passed, int Total, bool Attempted, bool IsBonus = false)
{
    /// <summary>An optional task: a bonus task, or one <c>.meta/config.json</c> marks <c>"optional": true</c> (it may
    /// be worth no points at all, like the allocator's "be glibc").</summary>
    public bool IsOptional { get; init; }
}
