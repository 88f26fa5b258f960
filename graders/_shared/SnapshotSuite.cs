using System.Runtime.CompilerServices;

namespace MemKata.Graders.Shared;

/// <summary>
/// What one grader's snapshot checks are: its slug (which names the snapshot folder, the variable that moves it and the
/// check script), what a subject is called in its files, what they compare, and what a learner reads on a mismatch.
/// Each grader makes one with <see cref="For"/> in its own folder, so the snapshots are found next to that file.
/// </summary>
/// <param name="Slug">The exercise's slug: <c>graders/&lt;slug&gt;/__snapshots__</c>.</param>
/// <param name="SubjectKey">The first key of each snapshot file: <c>Program</c>, <c>Scenario</c>.</param>
/// <param name="Compared">The sentence each snapshot file carries, saying what is recorded and what is not.</param>
/// <param name="Mismatch">The first line of a mismatch's message, given the subject's name.</param>
/// <param name="GraderSourceFile">A source file of the grader, as compiled: its folder holds <c>__snapshots__</c>.</param>
internal sealed record SnapshotSuite(string Slug, string SubjectKey, string Compared, Func<string, string> Mismatch, string GraderSourceFile)
{
    /// <summary>The suite of grader <paramref name="slug"/>, located next to the calling source file.</summary>
    public static SnapshotSuite For(
        string slug, string subjectKey, string compared, Func<string, string> mismatch, [CallerFilePath] string graderSourceFile = "") =>
        new(slug, subjectKey, compared, mismatch, graderSourceFile);

    /// <summary>The command that rewrites these snapshots from the reference, for messages.</summary>
    public string UpdateCommand => $"exercises/{Slug}/.meta/check.sh --update-snapshots";
}
