using MemKata.Engine.Traces;

namespace MemKata.Cli;

/// <summary>The exit codes of <c>memkata</c>. A simulated process that dies exits as a shell reports a real one killed
/// by the same signal: 128 + the signal number.</summary>
public static class ExitCodes
{
    /// <summary>Everything ran.</summary>
    public const int Success = 0;

    /// <summary>Two runs that were compared differ (<c>scenario compare</c>), as <c>diff</c> and <c>cmp</c> exit.</summary>
    public const int Different = 1;

    /// <summary>The user asked for something that cannot run: a bad option, a missing file, a malformed trace.</summary>
    public const int UsageError = 2;

    /// <summary>Something the command needs is not on this machine (e.g. gcc, to run the real glibc for
    /// <c>memkata bench</c>): EX_UNAVAILABLE of sysexits.h.</summary>
    public const int Unavailable = 69;

    /// <summary>memkata itself failed (a bug, or an engine part that is not written yet): EX_SOFTWARE of sysexits.h.</summary>
    public const int InternalError = 70;

    /// <summary>The simulated process aborted, as glibc does on heap corruption: 128 + SIGABRT (6).</summary>
    public const int Aborted = 134;

    /// <summary>The simulated process touched memory it has no mapping for: 128 + SIGSEGV (11).</summary>
    public const int SegmentationFault = 139;

    /// <summary>The exit status a shell reports for a process killed as <paramref name="crash"/> says.</summary>
    public static int Of(ReplayCrash crash)
    {
        ArgumentNullException.ThrowIfNull(crash);
        return crash.Kind == ReplayCrashKind.Abort ? Aborted : SegmentationFault;
    }
}
