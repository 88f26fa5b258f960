namespace MemKata.Engine.Traces;

/// <summary>The replayed process died during operation <paramref name="Index"/> (0-based, as in the chunks format) of
/// the trace named <paramref name="Source"/>: <paramref name="Message"/> is what the real process would print (glibc's
/// <c>malloc_printerr</c> text, or the fault).</summary>
/// <param name="Kind">How it died.</param>
/// <param name="Message">What the dying process printed.</param>
/// <param name="Index">The operation that killed it.</param>
/// <param name="Operation">That operation, with its line.</param>
/// <param name="Source">The trace's name.</param>
public sealed record ReplayCrash(ReplayCrashKind Kind, string Message, int Index, TraceOperation Operation, string Source)
{
    /// <summary>The signal's name, e.g. <c>SIGABRT</c>.</summary>
    public string SignalName => Kind == ReplayCrashKind.Abort ? "SIGABRT" : "SIGSEGV";
}
