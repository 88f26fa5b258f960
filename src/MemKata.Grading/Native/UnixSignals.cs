using System.Runtime.InteropServices;

namespace MemKata.Grading.Native;

/// <summary><c>kill(2)</c> on Unix: SIGKILL to one process, or to a whole process group (a negative id), which .NET's
/// <see cref="System.Diagnostics.Process"/> cannot do. Does nothing elsewhere.</summary>
internal static class UnixSignals
{
    private const int SigKill = 9;

    /// <summary>Sends SIGKILL to process <paramref name="pid"/>; true when the signal was sent.</summary>
    public static bool Kill(int pid) => (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) && pid > 0 && kill(pid, SigKill) == 0;

    /// <summary>Sends SIGKILL to every process of group <paramref name="groupId"/>; true when the signal was sent.</summary>
    public static bool KillGroup(int groupId) =>
        (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) && groupId > 1 && kill(-groupId, SigKill) == 0;

    /// <summary>True when this process runs as root (effective uid 0) on Unix.</summary>
    public static bool IsRoot => (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) && geteuid() == 0;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    [DllImport("libc")]
    private static extern uint geteuid();
}
