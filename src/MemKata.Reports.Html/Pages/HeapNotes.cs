using MemKata.Contracts.Kernel;
using MemKata.Engine.Memory;
using MemKata.Engine.Traces;
using MemKata.Engine.Units;
using MemKata.Reports.Html.Recording;
using MemKata.Reports.Html.Text;

namespace MemKata.Reports.Html.Pages;

/// <summary>What an operation or a step did to the heap's memory, in a few words beside its strip: the break moving
/// (the first growth said as such, a shrink as a trim), mappings made and unmapped.</summary>
internal static class HeapNotes
{
    /// <summary>The note of a replayed operation, from the system calls it made.</summary>
    public static string Of(ReplayStep step, ulong initialBreak, ReportLanguage t)
    {
        var parts = new List<string>();
        if (step.Break != step.BreakBefore)
        {
            parts.Add(BreakMove(step.BreakBefore, step.Break, initialBreak, t));
        }

        foreach (var call in step.Syscalls.Where(c => c.Kind != SyscallKind.Brk))
        {
            parts.Add(call.Kind switch
            {
                SyscallKind.Mmap => t.Format("note.mmap", Size(call.Length)),
                SyscallKind.Munmap => t.Format("note.munmap", Size(call.Length)),
                _ => t.Format("note.mremap", Size(call.Length), Size(call.NewLength)),
            });
        }

        return string.Join("; ", parts);
    }

    /// <summary>The note of a scenario step, from the process before and after it.</summary>
    public static string Of(ProcessSnapshot before, ProcessSnapshot after, ReportLanguage t)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var parts = new List<string>();
        if (after.Break != before.Break && after.IsAlive)
        {
            parts.Add(BreakMove(before.Break, after.Break, after.Layout.HeapStart, t));
        }

        var old = before.Mappings.Where(m => m.Kind == VmaKind.Anonymous).Select(m => m.Start).ToHashSet();
        var now = after.Mappings.Where(m => m.Kind == VmaKind.Anonymous).ToList();
        parts.AddRange(now.Where(m => !old.Contains(m.Start)).Select(m => t.Format("note.mmap", Size(m.Length))));
        var kept = now.Select(m => m.Start).ToHashSet();
        parts.AddRange(before.Mappings.Where(m => m.Kind == VmaKind.Anonymous && !kept.Contains(m.Start)).Select(m => t.Format("note.munmap", Size(m.Length))));
        return string.Join("; ", parts);
    }

    private static string BreakMove(ulong from, ulong to, ulong initial, ReportLanguage t) => to > from
        ? (from == initial ? t.Format("note.firstGrowth", Size(to - from)) : t.Format("note.grow", Size(to - from)))
        : t.Format("note.trim", Size(from - to));

    private static string Size(ulong bytes) => ByteSizeFormat.Scaled(bytes, ByteUnit.TiB);
}
