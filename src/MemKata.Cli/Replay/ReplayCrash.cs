using MemKata.Engine.Traces;

namespace MemKata.Cli.Replay;

/// <summary>The simulated process died during operation <paramref name="Index"/> (0-based, as in the chunks format):
/// <paramref name="Message"/> is what the real process would print (glibc's <c>malloc_printerr</c> text, or the fault).</summary>
internal sealed record ReplayCrash(CrashKind Kind, string Message, int Index, TraceOperation Operation, string Source)
{
    /// <summary>The exit status a shell reports for a process killed by the same signal.</summary>
    public int ExitCode => Kind == CrashKind.Abort ? ExitCodes.Aborted : ExitCodes.SegmentationFault;

    /// <summary>The signal's name, e.g. <c>SIGABRT</c>.</summary>
    public string SignalName => Kind == CrashKind.Abort ? "SIGABRT" : "SIGSEGV";
}
