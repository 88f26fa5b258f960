using MemKata.Testing;

namespace MemKata.Graders.Shared;

// The counter's snapshot check, through the same channel as the real graders' (SnapshotChannel): the committed text is a
// resource of the suite; a record run hands the actual text back.
internal static class CounterSnapshot
{
    public static void Match(string fileName, string actual)
    {
        var text = actual.EndsWith('\n') ? actual : actual + "\n";
        if (SnapshotChannel.IsRecording)
        {
            SnapshotChannel.Record(fileName, text);
            return;
        }

        var expected = SnapshotChannel.Expected(typeof(CounterSnapshot).Assembly, fileName);
        Assert.That(expected, Is.Not.Null, $"the snapshot {fileName} is missing");
        Assert.That(text, Is.EqualTo(expected), $"the description differs from the snapshot {fileName}");
    }
}
