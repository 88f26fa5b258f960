using MemKata.Engine.Kernel;

namespace MemKata.Scenarios.Views;

/// <summary>
/// A picture of a scenario's machine after one step, for <c>scenario run|compare --show page-table|lru</c> and for the
/// HTML report to draw: every process's page table in runs of pages (present, zero page, file, swapped; writable;
/// dirty), the LRU lists (sizes and oldest pages) and the page faults of the step with what the handler did for each.
/// Plain data, so that it travels from the grading worker, where a learner's component runs, to memkata.
/// </summary>
/// <param name="AfterStep">The step just run (0: the processes were started).</param>
/// <param name="PageTables">Each process's page table, by pid; null when not asked for.</param>
/// <param name="Lru">The LRU lists; null when not asked for.</param>
/// <param name="Faults">The step's page faults in runs, each with the handler's calls; null when not asked for.</param>
/// <param name="Reclaims">The step's reclaim passes, with the lists before and after each; null when not asked for.</param>
public sealed record MachineView(
    int AfterStep, IReadOnlyList<PageTableView>? PageTables, LruView? Lru, IReadOnlyList<FaultRun>? Faults = null, ReclaimLog? Reclaims = null)
{
    /// <summary>The view of <paramref name="machine"/> after step <paramref name="afterStep"/>, with the parts asked for.</summary>
    public static MachineView Of(Machine machine, int afterStep, bool pageTables, bool lru)
    {
        ArgumentNullException.ThrowIfNull(machine);
        return new MachineView(
            afterStep,
            pageTables ? [.. machine.Processes.Select(p => PageTableView.Of(machine, p))] : null,
            lru ? LruView.Of(machine) : null);
    }
}
