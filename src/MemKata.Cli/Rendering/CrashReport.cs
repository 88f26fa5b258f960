using MemKata.Engine.Input;
using MemKata.Engine.Traces;

namespace MemKata.Cli.Rendering;

/// <summary>Writes the death of a simulated process on standard error the way a terminal shows a real one: first what
/// the process printed (glibc's message, e.g. <c>free(): double free detected in tcache 2</c>), then memkata's line
/// saying which operation of which trace line caused it.</summary>
internal static class CrashReport
{
    /// <summary>Writes <paramref name="crash"/> to <paramref name="error"/>; <paramref name="allocator"/> names the
    /// allocator that ran (glibc, or the learner's).</summary>
    public static void Write(TextWriter error, ReplayCrash crash, string allocator = "glibc")
    {
        var cause = crash.Kind == ReplayCrashKind.Abort
            ? $"{allocator} found the heap corrupt and called abort()"
            : "it touched memory it has no right to";
        error.WriteLine(crash.Message);
        error.WriteLine(
            $"memkata: the simulated process died of {crash.SignalName} (exit code {ExitCodes.Of(crash)}) during operation " +
            $"#{crash.Index}, {InputText.Escape(crash.Source)}:{crash.Operation.LineNumber}: {crash.Operation}: {cause}. The operations " +
            $"before it ran normally; look at what the trace did with block {crash.Operation.Id} before this line.");
        error.Flush();
    }
}
