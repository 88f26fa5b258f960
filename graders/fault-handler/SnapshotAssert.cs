using System.Text.Json;
using Snapshooter;
using Snapshooter.NUnit;

namespace MemKata.Graders.FaultHandler;

/// <summary>
/// Compares an event log with its committed snapshot (<c>__snapshots__/&lt;name&gt;.snap</c>, written by Snapshooter from
/// the reference solution). A mismatch fails with the first diverging event and a unified diff. With the environment
/// variable <see cref="UpdateVariable"/> set to 1, the snapshot is rewritten instead (run that with the reference only:
/// <c>exercises/fault-handler/.meta/check.sh --update-snapshots</c>).
/// </summary>
internal static class SnapshotAssert
{
    public const string UpdateVariable = "MEMKATA_UPDATE_SNAPSHOTS";

    public static void Match(string name, IReadOnlyList<string> events)
    {
        var folder = SnapshotDirectory.Locate();
        var fileName = name + ".snap";
        var path = Path.Combine(folder, fileName);
        var document = new SnapshotDocument(name, SnapshotDocument.WhatIsCompared, events);

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
            Assert.Fail($"the snapshot {path} is missing: regenerate the snapshots from the reference (exercises/fault-handler/.meta/check.sh --update-snapshots)");
        }

        var expected = Read(path);
        if (EventDiff.FirstDivergence(expected, events) >= 0)
        {
            Assert.Fail(EventDiff.Explain(
                $"Your handler's faults differ from the reference in the scenario '{name}'. Compared: each fault's process, pages, access and kind (minor or major), each SIGSEGV and each kill; the SIGSEGV reason is your choice and not compared.",
                expected,
                events,
                "reference",
                "yours"));
        }

        // Equal: Snapshooter agrees by construction; let it check its own file format too.
        Snapshot.Match(document, snapshooterName);
    }

    private static List<string> Read(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty(nameof(SnapshotDocument.Events)).EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList();
    }
}
