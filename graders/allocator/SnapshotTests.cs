using MemKata.Testing;

namespace MemKata.Graders.Allocator;

// Snapshot checks: the learner's system calls on fixed programs, compared with the reference's committed snapshots.
// Scored by grader.json "snapshots", not by task 4's weight; tagged task 4 so feedback names the task they concern.
[Category("Snapshot")]
public class SnapshotTests
{
    public static IEnumerable<string> Programs => SnapshotPrograms.Names;

    [TestCaseSource(nameof(Programs))]
    [Task(4)]
    public void Mmap_and_munmap_calls_match_the_reference(string program)
    {
        var events = SyscallEvents.Record(SnapshotPrograms.Get(program));

        SnapshotAssert.Match(program, events);
    }
}
