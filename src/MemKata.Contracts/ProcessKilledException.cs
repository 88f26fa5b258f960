namespace MemKata.Contracts;

/// <summary>
/// The simulated SIGKILL: the kernel killed the process (the OOM killer chose it, or it could not be given memory for a
/// page it touched). The process's memory is gone; the simulation stops its program here.
/// </summary>
public sealed class ProcessKilledException : Exception
{
    /// <summary>Creates the kill notice for process <paramref name="pid"/> with the kernel's <paramref name="reason"/>.</summary>
    public ProcessKilledException(int pid, string reason)
        : base($"Killed: process {pid}: {reason}")
    {
        Pid = pid;
        Reason = reason;
    }

    /// <summary>The killed process.</summary>
    public int Pid { get; }

    /// <summary>Why it was killed, e.g. "out of memory: chosen by the OOM killer".</summary>
    public string Reason { get; }
}
