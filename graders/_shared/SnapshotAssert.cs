using MemKata.Testing;
using Snapshooter.Core.Serialization;

namespace MemKata.Graders.Shared;

/// <summary>
/// Compares an event log with its committed snapshot (<c>__snapshots__/&lt;name&gt;.snap</c>, recorded from the reference
/// solution and compiled into this suite). A mismatch fails with the suite's sentence, the first diverging event and a
/// unified diff; equal events in a snapshot whose text is not what the reference records now (its sentence changed)
/// fail as a stale snapshot. In a record run (<c>memkata snapshots update</c>) the snapshot is recorded instead:
/// <see cref="SnapshotChannel"/> hands its text to the grader, which writes the file. No file is read or written here.
/// </summary>
internal static class SnapshotAssert
{
    private static readonly SnapshotSerializer _serializer = new(new GlobalSnapshotSettingsResolver());

    /// <summary>Passes when <paramref name="events"/> equal the snapshot <paramref name="name"/> of
    /// <paramref name="suite"/>; fails with a learner-readable diff otherwise, or when the snapshot is missing.</summary>
    public static void Match(SnapshotSuite suite, string name, IReadOnlyList<string> events)
    {
        var fileName = name + ".snap";
        var actual = _serializer.SerializeObject(new SnapshotDocument(suite.SubjectKey, name, suite.Compared, events).ToJson());
        if (SnapshotChannel.IsRecording)
        {
            SnapshotChannel.Record(fileName, actual);
            return;
        }

        var committed = SnapshotChannel.Expected(typeof(SnapshotAssert).Assembly, fileName);
        if (committed is null)
        {
            Assert.Fail($"the snapshot {fileName} is missing: regenerate the snapshots from the reference ({suite.UpdateCommand})");
        }

        var expected = SnapshotDocument.ReadEvents(committed!, fileName);
        if (EventDiff.FirstDivergence(expected, events) >= 0)
        {
            Assert.Fail(EventDiff.Explain(suite.Mismatch(name), expected, events, "reference", "yours"));
        }

        Assert.That(actual, Is.EqualTo(committed), $"the snapshot {fileName} is stale (same events, other text): regenerate it ({suite.UpdateCommand})");
    }
}
