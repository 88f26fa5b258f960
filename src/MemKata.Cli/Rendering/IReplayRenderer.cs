using MemKata.Engine.Traces;

namespace MemKata.Cli.Rendering;

/// <summary>Shows a replay on standard output as it happens: each operation is written (and flushed) as soon as it has
/// run, so that what was shown before a crash stays shown.</summary>
internal interface IReplayRenderer
{
    /// <summary>Called once, before the first operation.</summary>
    void Begin();

    /// <summary>Called after each operation that completed.</summary>
    void Operation(in ReplayStep step);

    /// <summary>Called once at the end, with the crash if the process died (the crash itself is reported on standard
    /// error by <see cref="CrashReport"/>).</summary>
    void End(ReplaySummary summary, ReplayCrash? crash);
}
