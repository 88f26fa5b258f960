using System.Globalization;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Kernel;
using MemKata.Scenarios.Views;

namespace MemKata.Cli.Rendering;

/// <summary>
/// <c>--show page-table|lru|faults</c> as plain text: after a step, each process's page table mapping by mapping, in
/// runs of pages whose entries say the same (present, zero page, file, swapped; rw or r-; dirty), the LRU lists' sizes
/// (with the change since the view before) and their oldest pages, the ones reclaim looks at first, and the step's page
/// faults in runs, each with the fault handler's calls on its context, by the method that made them, and the step's
/// reclaim passes, each with the LRU lists' sizes before and after and what the policy moved.
/// </summary>
internal static class MachineViewText
{
    /// <summary>Writes <paramref name="view"/>, titled <paramref name="title"/>; <paramref name="before"/> is the view
    /// before it in the same run, or null.</summary>
    public static void Write(TextWriter output, string title, MachineView view, MachineView? before)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"-- {title}, after step {view.AfterStep} --"));
        foreach (var table in view.PageTables ?? [])
        {
            output.WriteLine(string.Create(c, $"page table of pid {table.Pid} ({table.Name}){(table.Alive ? "" : ": gone (exited or killed)")}"));
            foreach (var mapping in table.Mappings)
            {
                output.WriteLine(string.Create(c,
                    $"  0x{mapping.Start:x}-0x{mapping.End:x} {mapping.Protection} {mapping.Kind}{(mapping.File is { } f ? " " + f : "")}: {(mapping.End - mapping.Start) / 4096} pages, {mapping.Runs.Sum(r => r.Pages)} with an entry"));
                foreach (var run in mapping.Runs)
                {
                    var state = run.State switch
                    {
                        PageState.ZeroPage => "zero page",
                        PageState.File => "file (page cache)",
                        PageState.Swapped => "swapped",
                        _ => "present",
                    };
                    var bits = run.State == PageState.Swapped ? "" : run.Writable ? " rw" : " r-";
                    output.WriteLine(string.Create(c,
                        $"    0x{run.Start:x} {run.Pages,6} page{(run.Pages == 1 ? " " : "s")} {state}{bits}{(run.Dirty ? " dirty" : "")}"));
                }
            }
        }

        if (view.Lru is { } lru)
        {
            output.WriteLine(string.Create(c, $"LRU lists ({lru.FreeFrames} frames free); tail = oldest, reclaimed first"));
            foreach (var list in lru.Lists)
            {
                var was = before?.Lru?.Lists.FirstOrDefault(l => l.List == list.List)?.Count;
                var change = was is { } w && w != list.Count ? string.Create(c, $" (was {w})") : "";
                var tail = list.Tail.Count == 0 ? "" : "; tail: " + string.Join(", ", list.Tail.Select(p => string.Create(c, $"frame {p.Frame} ({p.Owner})")));
                output.WriteLine(string.Create(c, $"  {list.List,-12} {list.Count,7} pages{change}{tail}"));
            }
        }

        if (view.Faults is { } faults)
        {
            output.WriteLine(faults.Count == 0
                ? "page faults in this step: none"
                : faults.Any(f => f.Calls is not null)
                    ? "page faults in this step, and the handler's calls on IFaultContext for each (by the handler's method):"
                    : "page faults in this step (the reference handler's calls are not shown: finding them is the exercise):");
            foreach (var run in faults)
            {
                if (run.IsLeftOut)
                {
                    output.WriteLine(string.Create(c, $"  ... {run.Calls}"));
                    continue;
                }

                var pages = run.Count == 1 ? $"0x{run.First:x}" : $"0x{run.First:x} .. 0x{run.Last:x}";
                var access = run.Access.ToString().ToLowerInvariant();
                var outcome = run.Outcome.ToString().ToLowerInvariant();
                output.WriteLine(string.Create(c,
                    $"  pid {run.Pid} {access} {pages}: {run.Count} fault{(run.Count == 1 ? "" : "s")}, {outcome}{run.Calls switch { null => "", "" => " <- (no calls)", var calls => " <- " + calls }}"));
            }
        }

        if (view.Reclaims is { } reclaims)
        {
            WriteReclaims(output, reclaims);
        }

        output.WriteLine();
    }

    private static void WriteReclaims(TextWriter output, ReclaimLog reclaims)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(reclaims.Passes.Count == 0
            ? "reclaim passes in this step: none"
            : "reclaim passes in this step (the LRU lists before -> after, and what the policy moved):");
        foreach (var pass in reclaims.Passes)
        {
            var who = pass.Mode == ReclaimMode.Background ? "kswapd" : string.Create(c, $"direct reclaim for pid {pass.Pid}");
            output.WriteLine(string.Create(c, $"  {who}, wanted {pass.Wanted}: freed {pass.Freed}; {Moves(pass)}"));
            var lists = Enum.GetValues<LruList>().Select((list, i) =>
                string.Create(c, $"{list} {pass.Before[i]}{(pass.Before[i] == pass.After[i] ? "" : string.Create(c, $" -> {pass.After[i]}"))}"));
            output.WriteLine("    " + string.Join(", ", lists));
        }

        if (reclaims.LeftOut > 0)
        {
            output.WriteLine(string.Create(c, $"  ... {reclaims.LeftOut} more passes, not shown"));
        }
    }

    // What a pass moved, the counts that are not zero: "scanned 40, rotated 3; swapped out 30".
    private static string Moves(ReclaimPass pass)
    {
        var c = CultureInfo.InvariantCulture;
        var onLists = new[] { ("scanned", pass.Scanned), ("rotated", pass.Rotated), ("activated", pass.Activated), ("deactivated", pass.Deactivated) };
        var off = new[] { ("wrote back", pass.WrittenBack), ("swapped out", pass.SwappedOut), ("dropped", pass.Dropped) };
        var parts = new[] { onLists, off }
            .Select(group => string.Join(", ", group.Where(g => g.Item2 > 0).Select(g => string.Create(c, $"{g.Item1} {g.Item2}"))))
            .Where(part => part.Length > 0)
            .ToList();
        return parts.Count == 0 ? "nothing scanned or moved" : string.Join("; ", parts);
    }
}
