namespace MemKata.Grading.Class;

/// <summary>One learner of a <see cref="Roster"/>.</summary>
/// <param name="Folder">The name of the learner's submission folder.</param>
/// <param name="StudentId">The id the LMS knows the learner by.</param>
/// <param name="Email">The learner's email.</param>
public sealed record RosterEntry(string Folder, string StudentId, string Email);
