using System.Globalization;
using MemKata.Engine.Units;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The machine's overcommit accounting: Committed_AS (what every process has committed), CommitLimit, and the refusals,
/// each logged with the reason the <see cref="OvercommitRule"/> gave.
/// </summary>
public sealed class CommitAccounting
{
    private readonly MachineConfig _config;
    private readonly EventLog _events;

    internal CommitAccounting(MachineConfig config, EventLog events)
    {
        _config = config;
        _events = events;
    }

    /// <summary>Committed_AS in pages: what every process has committed.</summary>
    public long CommittedPages { get; private set; }

    /// <summary>CommitLimit in pages (printed whatever the mode, enforced only in mode 2).</summary>
    public long CommitLimitPages => OvercommitRule.CommitLimitPages(_config);

    /// <summary>Requests refused so far.</summary>
    public long Refusals { get; private set; }

    /// <summary>Asks to commit <paramref name="pages"/> for process <paramref name="pid"/> spanning
    /// <paramref name="totalVmPages"/> pages; returns null when committed, else the reason it was refused.</summary>
    public string? TryCommit(int pid, long pages, long totalVmPages, bool isAdmin = false)
    {
        var refusal = OvercommitRule.Refusal(_config, pages, CommittedPages + pages, totalVmPages, isAdmin);
        if (refusal is null)
        {
            CommittedPages += pages;
            return null;
        }

        Refusals++;
        _events.Add(pid, KernelEventKind.OvercommitRefused,
            string.Create(CultureInfo.InvariantCulture, $"refused {pages} pages ({PageUnits.PagesToKilobytes(pages)} kB): {refusal}"));
        return refusal;
    }

    /// <summary>Gives back <paramref name="pages"/> committed pages.</summary>
    public void Uncommit(ulong pages)
    {
        CommittedPages -= (long)pages;
        if (CommittedPages < 0)
        {
            throw new InvalidOperationException("CommitAccounting.Uncommit: more pages given back than were committed");
        }
    }
}
