namespace MemKata.Cli.Replay;

/// <summary>How a simulated process died.</summary>
internal enum CrashKind
{
    /// <summary>glibc found its heap corrupt and called <c>abort()</c>: SIGABRT.</summary>
    Abort,

    /// <summary>A read or write touched unmapped or protected memory: SIGSEGV.</summary>
    SegmentationFault,
}
