using System.Globalization;
using MemKata.Engine.Memory;
using MemKata.Engine.Units;

namespace MemKata.Engine.Kernel;

/// <summary>
/// Overcommit accounting, as Linux 6.x's mm/util.c (<c>__vm_enough_memory</c>, <c>vm_commit_limit</c>): every growth of
/// private writable memory is added to Committed_AS and checked by the mode of <c>vm.overcommit_memory</c>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Mode 1 (always): never refuses.</item>
/// <item>Mode 0 (heuristic): refuses one request larger than total RAM + total swap, whatever is in use. So on a 4 GiB
/// machine without swap a single malloc(8 GiB) fails at once, while two of 3 GiB both succeed: the check is per
/// request, and memory is only really taken page by page when touched.</item>
/// <item>Mode 2 (never): CommitLimit = swap + RAM × overcommit_ratio / 100 (or overcommit_kbytes when set); less the
/// admin reserve for non-root processes and min(total_vm / 32, user reserve) of the asking process; the request is
/// refused unless Committed_AS, with it included, stays below that.</item>
/// </list>
/// </remarks>
public sealed class OvercommitPolicy
{
    private readonly MachineConfig _config;
    private readonly Machine _machine;

    internal OvercommitPolicy(MachineConfig config, Machine machine)
    {
        _config = config;
        _machine = machine;
    }

    /// <summary>Committed_AS in pages: what every process has committed.</summary>
    public long CommittedPages { get; private set; }

    /// <summary>CommitLimit in pages (printed whatever the mode, enforced only in mode 2).</summary>
    public long CommitLimitPages => (_config.OvercommitKbytes != 0
        ? (long)PageUnits.KilobytesToPages(_config.OvercommitKbytes)
        : _config.RamPages * _config.OvercommitRatio / 100) + _config.SwapPages;

    /// <summary>Requests refused so far.</summary>
    public long Refusals { get; private set; }

    /// <summary>Asks to commit <paramref name="pages"/> for a process spanning <paramref name="totalVmPages"/> pages.</summary>
    public bool TryCommit(int pid, long pages, long totalVmPages, bool isAdmin = false)
    {
        CommittedPages += pages;
        var refusal = _config.Overcommit switch
        {
            OvercommitMode.Always => null,
            OvercommitMode.Heuristic => pages > _config.RamPages + _config.SwapPages
                ? $"mode 0: {pages} pages is more than RAM + swap ({_config.RamPages + _config.SwapPages} pages)"
                : null,
            _ => StrictRefusal(totalVmPages, isAdmin),
        };
        if (refusal is null)
        {
            return true;
        }

        CommittedPages -= pages;
        Refusals++;
        _machine.Events.Add(pid, KernelEventKind.OvercommitRefused,
            string.Create(CultureInfo.InvariantCulture, $"refused {pages} pages ({PageUnits.PagesToKilobytes(pages)} kB): {refusal}"));
        return false;
    }

    /// <summary>Gives back <paramref name="pages"/> committed pages.</summary>
    public void Uncommit(ulong pages)
    {
        CommittedPages -= (long)pages;
        if (CommittedPages < 0)
        {
            throw new InvalidOperationException("OvercommitPolicy.Uncommit: more pages given back than were committed");
        }
    }

    private string? StrictRefusal(long totalVmPages, bool isAdmin)
    {
        var allowed = CommitLimitPages;
        if (!isAdmin)
        {
            allowed -= (long)PageUnits.KilobytesToPages(_config.EffectiveAdminReserveKbytes);
        }

        allowed -= Math.Min(totalVmPages / 32, (long)PageUnits.KilobytesToPages(_config.EffectiveUserReserveKbytes));
        return CommittedPages < allowed
            ? null
            : $"mode 2: Committed_AS would be {CommittedPages} pages, not below the {allowed} allowed (CommitLimit {CommitLimitPages} less reserves)";
    }
}

/// <summary>One process's view of the accounting: what the system calls of its <see cref="SimulatedProcessMemory"/> ask.</summary>
internal sealed class ProcessCommitAccounting : ICommitAccounting
{
    private readonly Machine _machine;
    private readonly SimProcess _process;

    public ProcessCommitAccounting(Machine machine, SimProcess process)
    {
        _machine = machine;
        _process = process;
    }

    public bool TryCommit(ulong pages, ulong totalVmPages)
    {
        if (!_machine.Overcommit.TryCommit(_process.Pid, (long)pages, (long)totalVmPages))
        {
            return false;
        }

        _process.CommittedPages += pages;
        return true;
    }

    public void Uncommit(ulong pages)
    {
        if (!_process.IsAlive)
        {
            return;
        }

        _machine.Overcommit.Uncommit(pages);
        _process.CommittedPages -= pages;
    }
}
