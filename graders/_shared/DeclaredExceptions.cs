using MemKata.Contracts;

namespace MemKata.Graders.Shared;

/// <summary>
/// The contract exceptions a component member may throw, as its contract comment declares them (for example
/// <c>IAllocator.Free</c>: <see cref="HeapCorruptionException"/> for a double or invalid free). <see cref="LearnerCall"/>
/// passes these on and fails the test for any other exception. The contract types are sealed, so a learner cannot
/// subclass them to smuggle code into the suite; even so they are passed on as fresh instances built from their data.
/// </summary>
[Flags]
internal enum DeclaredExceptions
{
    /// <summary>The member declares no exception: whatever it throws fails the test.</summary>
    None = 0,

    /// <summary><see cref="HeapCorruptionException"/>: the allocator found its heap corrupt and aborted.</summary>
    HeapCorruption = 1,

    /// <summary><see cref="SegmentationFaultException"/>: the simulated SIGSEGV.</summary>
    SegmentationFault = 2,

    /// <summary><see cref="ProcessKilledException"/>: the simulated SIGKILL.</summary>
    ProcessKilled = 4,
}
