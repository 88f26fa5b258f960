using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Kernel;

namespace MemKata.Scenarios.Views;

/// <summary>What one page-table entry says about a page, as a learner's fault handler left it.</summary>
public enum PageState
{
    /// <summary>In RAM, in a frame of the process's own (anonymous memory, or a private copy).</summary>
    Present,

    /// <summary>Mapped to the shared read-only zero page (a read of untouched anonymous memory).</summary>
    ZeroPage,

    /// <summary>In RAM, in a page-cache frame of a file (shared with the cache and every process mapping it).</summary>
    File,

    /// <summary>Out in swap: the entry holds a swap slot.</summary>
    Swapped,
}

/// <summary>Consecutive pages of one mapping whose entries say the same: the unit a page-table view is drawn in.</summary>
/// <param name="Start">The first page's address.</param>
/// <param name="Pages">How many pages.</param>
/// <param name="State">What their entries say.</param>
/// <param name="Writable">The R/W bit (false for a swapped page).</param>
/// <param name="Dirty">The D bit is set on at least one of them.</param>
public sealed record PageRun(ulong Start, long Pages, PageState State, bool Writable, bool Dirty);

/// <summary>One mapping (VMA) of a process and its pages that have an entry; pages with none (never touched, or taken
/// back) are the gaps between runs.</summary>
/// <param name="Start">The mapping's first address.</param>
/// <param name="End">The address past its end.</param>
/// <param name="Kind">What it maps (anonymous memory, a file, the heap...).</param>
/// <param name="Protection">Its protection, as <c>/proc/PID/maps</c> shows it (<c>rw-p</c>).</param>
/// <param name="File">The file it maps, or null.</param>
/// <param name="Runs">Its pages that have an entry, in address order, in runs.</param>
public sealed record MappingView(ulong Start, ulong End, VmaKind Kind, string Protection, string? File, IReadOnlyList<PageRun> Runs);

/// <summary>A process's page table, mapping by mapping.</summary>
/// <param name="Pid">The process.</param>
/// <param name="Name">Its name in the scenario.</param>
/// <param name="Alive">False once it has exited or been killed (its table is then empty).</param>
/// <param name="Mappings">Its mappings in address order.</param>
public sealed record PageTableView(int Pid, string Name, bool Alive, IReadOnlyList<MappingView> Mappings)
{
    /// <summary>The page table of <paramref name="process"/> on <paramref name="machine"/> now.</summary>
    public static PageTableView Of(Machine machine, SimProcess process)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(process);
        const ulong pageSize = MachineConfig.PageSize;
        var mappings = new List<MappingView>();
        if (!process.IsAlive)
        {
            return new PageTableView(process.Pid, process.Name, false, mappings);
        }

        foreach (var mapping in process.Memory.Mappings)
        {
            var runs = new List<PageRun>();
            foreach (var page in process.PageTable.PagesIn(mapping.Start / pageSize, mapping.Length / pageSize))
            {
                var entry = process.PageTable.Get(page);
                var state = entry.State switch
                {
                    PteState.Swapped => PageState.Swapped,
                    _ when entry.IsZeroPage => PageState.ZeroPage,
                    _ when machine.Frames.UseOf(entry.Frame) == FrameUse.PageCache => PageState.File,
                    _ => PageState.Present,
                };
                var writable = entry.State == PteState.Present && entry.Writable;
                var address = page * pageSize;
                if (runs.Count > 0 && runs[^1] is var last && last.State == state && last.Writable == writable
                    && last.Start + ((ulong)last.Pages * pageSize) == address)
                {
                    runs[^1] = last with { Pages = last.Pages + 1, Dirty = last.Dirty || entry.Dirty };
                }
                else
                {
                    runs.Add(new PageRun(address, 1, state, writable, entry.Dirty));
                }
            }

            mappings.Add(new MappingView(mapping.Start, mapping.End, mapping.Kind, Permissions(mapping.Protection), mapping.FileName, runs));
        }

        return new PageTableView(process.Pid, process.Name, process.IsAlive, mappings);
    }

    private static string Permissions(Protection protection) =>
        string.Concat(
            (protection & Protection.Read) != 0 ? "r" : "-",
            (protection & Protection.Write) != 0 ? "w" : "-",
            (protection & Protection.Execute) != 0 ? "x" : "-",
            "p");
}
