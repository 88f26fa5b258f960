using System.Globalization;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Kernel;

namespace MemKata.Scenarios.Views;

/// <summary>One page on an LRU list: its frame and whose page it is.</summary>
/// <param name="Frame">The frame number.</param>
/// <param name="Owner">Whose page: <c>pid 1 0x7ffff7f90000</c> for anonymous memory, <c>data.bin page 3</c> for a file.</param>
public sealed record LruPage(int Frame, string Owner);

/// <summary>One of the four LRU lists: its size and its oldest pages, the ones reclaim looks at first.</summary>
/// <param name="List">Which list.</param>
/// <param name="Count">How many pages it holds.</param>
/// <param name="Tail">Its oldest pages, tail (oldest) first, at most <see cref="LruView.TailShown"/>.</param>
public sealed record LruListView(LruList List, long Count, IReadOnlyList<LruPage> Tail);

/// <summary>The LRU lists of a machine: what a reclaim policy works on.</summary>
/// <param name="Lists">The four lists, in <see cref="LruList"/> order.</param>
/// <param name="FreeFrames">Frames on the free list.</param>
public sealed record LruView(IReadOnlyList<LruListView> Lists, long FreeFrames)
{
    /// <summary>How many of a list's oldest pages a view keeps.</summary>
    public const int TailShown = 8;

    /// <summary>The LRU lists of <paramref name="machine"/> now.</summary>
    public static LruView Of(Machine machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        var lists = Enum.GetValues<LruList>().Select(list => new LruListView(list, machine.Lru.Count(list),
            [.. machine.Lru.Enumerate(list).TakeLast(TailShown).Reverse().Select(frame => new LruPage(frame.Value, Owner(machine, frame)))]));
        return new LruView([.. lists], machine.Frames.FreeFrames);
    }

    private static string Owner(Machine machine, FrameNumber frame)
    {
        if (machine.Frames.UseOf(frame) == FrameUse.PageCache)
        {
            var (fileId, index) = machine.Frames.FileOf(frame);
            return string.Create(CultureInfo.InvariantCulture, $"{machine.PageCache.File(fileId).Name} page {index}");
        }

        var (pid, page) = machine.Frames.OwnerOf(frame);
        return string.Create(CultureInfo.InvariantCulture, $"pid {pid} 0x{page * MachineConfig.PageSize:x}");
    }
}
