using MemKata.Graders.Shared;
using MemKata.Testing;

namespace MemKata.Graders.Allocator;

// Snapshot checks: the learner's system calls on fixed programs, compared with the reference's committed snapshots.
// Scored by grader.json "snapshots", not by task 4's weight; tagged task 4 so feedback names the task they concern.
[Category("Snapshot")]
public class SnapshotTests
{
    private static readonly SnapshotSuite _snapshots = SnapshotSuite.For(
        "allocator",
        subjectKey: "Program",
        compared: "per operation: heap or mmap, the mmap/munmap calls with their lengths, whether a big block moved the break; " +
            "heap addresses, brk moves of heap operations and the calls of realloc are the learner's choice and not recorded",
        mismatch: name => $"Your allocator's system calls differ from the reference on the program '{name}'. Only what the rules fix is compared: which requests get a mapping, each mapping's length, munmap on free, and the break left alone by big blocks (task 4).");

    public static IEnumerable<string> Programs => SnapshotPrograms.Names;

    [TestCaseSource(nameof(Programs))]
    [Task(4)]
    public void Mmap_and_munmap_calls_match_the_reference(string program)
    {
        var events = SyscallEvents.Record(SnapshotPrograms.Get(program));

        SnapshotAssert.Match(_snapshots, program, events);
    }
}
