namespace MemKata.Graders.Shared;

/// <summary>
/// What one grader's snapshot checks are: its slug (which names the snapshot folder and the command that rewrites it),
/// what a subject is called in its files, what they compare, and what a learner reads on a mismatch. Each grader makes
/// one in its <c>SnapshotTests.cs</c>; the snapshots themselves, <c>graders/&lt;slug&gt;/__snapshots__/*.snap</c>, are
/// compiled into the suite (<see cref="MemKata.Testing.SnapshotChannel"/>).
/// </summary>
/// <param name="Slug">The exercise's slug: <c>graders/&lt;slug&gt;/__snapshots__</c>.</param>
/// <param name="SubjectKey">The first key of each snapshot file: <c>Program</c>, <c>Scenario</c>.</param>
/// <param name="Compared">The sentence each snapshot file carries, saying what is recorded and what is not.</param>
/// <param name="Mismatch">The first line of a mismatch's message, given the subject's name.</param>
internal sealed record SnapshotSuite(string Slug, string SubjectKey, string Compared, Func<string, string> Mismatch)
{
    /// <summary>The suite of grader <paramref name="slug"/>.</summary>
    public static SnapshotSuite For(string slug, string subjectKey, string compared, Func<string, string> mismatch) =>
        new(slug, subjectKey, compared, mismatch);

    /// <summary>The command that rewrites these snapshots from the reference, for messages.</summary>
    public string UpdateCommand => $"memkata snapshots update {Slug}";
}
