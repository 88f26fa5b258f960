namespace MemKata.Engine.Traces;

/// <summary>How a replayed process died.</summary>
public enum ReplayCrashKind
{
    /// <summary>glibc found its heap corrupt and called <c>abort()</c>: SIGABRT.</summary>
    Abort,

    /// <summary>A read or write touched unmapped or protected memory: SIGSEGV.</summary>
    SegmentationFault,
}
