using Snapshooter;
using Snapshooter.NUnit;

namespace MemKata.Graders.Shared;

/// <summary>
/// Compares an event log with its committed snapshot (<c>__snapshots__/&lt;name&gt;.snap</c>, written by Snapshooter from
/// the reference solution). A mismatch fails with the suite's sentence, the first diverging event and a unified diff.
/// With the environment variable <see cref="UpdateVariable"/> set to 1, the snapshot is rewritten instead (run that with
/// the reference only: <c>exercises/&lt;slug&gt;/.meta/check.sh --update-snapshots</c>).
/// </summary>
internal static class SnapshotAssert
{
    /// <summary>Set to 1 to rewrite the snapshots instead of comparing (<c>memkata snapshots update</c> does).</summary>
    public const string UpdateVariable = "MEMKATA_UPDATE_SNAPSHOTS";

    /// <summary>Passes when <paramref name="events"/> equal the snapshot <paramref name="name"/> of
    /// <paramref name="suite"/>; fails with a learner-readable diff otherwise, or when the snapshot is missing.</summary>
    public static void Match(SnapshotSuite suite, string name, IReadOnlyList<string> events)
    {
        var folder = SnapshotDirectory.Locate(suite);
        var fileName = name + ".snap";
        var path = Path.Combine(folder, fileName);
        var document = new SnapshotDocument(suite.SubjectKey, name, suite.Compared, events).ToJson();

        // Snapshooter puts its files in the __snapshots__ folder under the folder it is given.
        var snapshooterName = new SnapshotFullName(fileName, Path.GetDirectoryName(Path.GetFullPath(folder)) ?? folder);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.Delete(path);
            Snapshot.Match(document, snapshooterName);
            return;
        }

        if (!File.Exists(path))
        {
            Assert.Fail($"the snapshot {path} is missing: regenerate the snapshots from the reference ({suite.UpdateCommand})");
        }

        var expected = SnapshotDocument.ReadEvents(path);
        if (EventDiff.FirstDivergence(expected, events) >= 0)
        {
            Assert.Fail(EventDiff.Explain(suite.Mismatch(name), expected, events, "reference", "yours"));
        }

        // Equal: Snapshooter agrees by construction; let it check its own file format too.
        Snapshot.Match(document, snapshooterName);
    }
}
