using MemKata.Contracts.Kernel;
using MemKata.Engine.Kernel;

namespace MemKata.Scenarios.Views;

/// <summary>
/// Consecutive page faults of one process that the handler answered the same way, with the same calls on its context:
/// the unit <c>--show faults</c> shows, so that touching 6,144 fresh pages is one line, not 6,144.
/// </summary>
/// <param name="Pid">The faulting process.</param>
/// <param name="Access">The access that faulted.</param>
/// <param name="First">The first faulting page's address.</param>
/// <param name="Last">The last one's.</param>
/// <param name="Count">How many faults.</param>
/// <param name="Calls">The handler's calls for each of them, by method (<see cref="HandledFault.Calls"/>; null for the
/// reference's).</param>
/// <param name="Outcome">The handler's answer to each.</param>
public sealed record FaultRun(int Pid, AccessKind Access, ulong First, ulong Last, long Count, string? Calls, FaultOutcome Outcome)
{
    /// <summary>At most this many runs are kept per step; the faults after them are counted in one last run, whose
    /// <see cref="Pid"/> is -1 and whose <see cref="Calls"/> says how many were left out.</summary>
    public const int MaxPerStep = 64;

    /// <summary>True for the last run that only counts the faults left out.</summary>
    public bool IsLeftOut => Pid < 0;

    /// <summary>Adds <paramref name="fault"/> (the latest fault) to <paramref name="runs"/>: it joins the last run when
    /// the process, the access, the calls and the answer are the same and its page is the next one; otherwise it starts
    /// a run, or is counted as left out once <see cref="MaxPerStep"/> runs are kept.</summary>
    public static void Add(List<FaultRun> runs, HandledFault fault)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(fault);
        if (runs.Count > 0 && runs[^1] is var last)
        {
            if (last.IsLeftOut)
            {
                runs[^1] = last with { Count = last.Count + 1, Calls = LeftOut(last.Count + 1) };
                return;
            }

            if (last.Pid == fault.Pid && last.Access == fault.Access && last.Calls == fault.Calls && last.Outcome == fault.Outcome
                && fault.Page == last.Last + MachineConfig.PageSize)
            {
                runs[^1] = last with { Last = fault.Page, Count = last.Count + 1 };
                return;
            }
        }

        runs.Add(runs.Count < MaxPerStep
            ? new FaultRun(fault.Pid, fault.Access, fault.Page, fault.Page, 1, fault.Calls, fault.Outcome)
            : new FaultRun(-1, fault.Access, fault.Page, fault.Page, 1, LeftOut(1), fault.Outcome));
    }

    private static string LeftOut(long count) => count == 1 ? "1 more fault, not shown" : $"{count} more faults, not shown";
}
