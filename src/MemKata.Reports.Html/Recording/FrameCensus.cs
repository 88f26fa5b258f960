using MemKata.Contracts.Kernel;
using MemKata.Engine.Kernel;

namespace MemKata.Reports.Html.Recording;

/// <summary>
/// RAM at one moment, as the report draws it: at most <see cref="MaxCells"/> cells, each standing for
/// <see cref="FramesPerCell"/> consecutive frames and coloured by the kind most of them hold (an anonymous cell also by
/// the owner of its first anonymous frame), and the exact count of frames of each kind. Read from the machine's frame
/// table through its read-only queries; nothing is changed.
/// </summary>
/// <param name="Frames">Frames of RAM.</param>
/// <param name="FramesPerCell">Frames one cell stands for (1 on a small machine).</param>
/// <param name="Cells">Each cell's kind.</param>
/// <param name="Owners">Each cell's owner pid (0 unless anonymous).</param>
/// <param name="Counts">Frames of each kind, indexed by <see cref="FrameKind"/>.</param>
public sealed record FrameCensus(long Frames, long FramesPerCell, IReadOnlyList<FrameKind> Cells, IReadOnlyList<int> Owners, IReadOnlyList<long> Counts)
{
    /// <summary>The most cells a census keeps (64 × 32): large machines are aggregated.</summary>
    public const int MaxCells = 2048;

    /// <summary>Frames of <paramref name="kind"/>.</summary>
    public long Count(FrameKind kind) => Counts[(int)kind];

    /// <summary>Takes the census of <paramref name="frames"/>.</summary>
    public static FrameCensus Of(FrameTable frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        long total = frames.FrameCount;
        var perCell = Math.Max(1, (total + MaxCells - 1) / MaxCells);
        var cellCount = (int)((total + perCell - 1) / perCell);
        var cells = new FrameKind[cellCount];
        var owners = new int[cellCount];
        var counts = new long[Enum.GetValues<FrameKind>().Length];
        Span<long> inCell = stackalloc long[counts.Length];
        var used = frames.Capacity;
        for (var cell = 0; cell < cellCount; cell++)
        {
            inCell.Clear();
            var first = cell * perCell;
            var end = Math.Min(total, first + perCell);
            var owner = 0;
            for (var f = first; f < end; f++)
            {
                var kind = f < used ? KindOf(frames, new FrameNumber((int)f)) : FrameKind.Free;
                inCell[(int)kind]++;
                if (kind == FrameKind.Anonymous && owner == 0)
                {
                    owner = frames.OwnerOf(new FrameNumber((int)f)).Pid;
                }
            }

            var best = 0;
            for (var k = 1; k < inCell.Length; k++)
            {
                best = inCell[k] > inCell[best] ? k : best;
                counts[k] += inCell[k];
            }

            counts[0] += inCell[0];
            cells[cell] = (FrameKind)best;
            owners[cell] = cells[cell] == FrameKind.Anonymous ? owner : 0;
        }

        return new FrameCensus(total, perCell, cells, owners, counts);
    }

    private static FrameKind KindOf(FrameTable frames, FrameNumber frame) => frames.UseOf(frame) switch
    {
        FrameUse.Free => FrameKind.Free,
        FrameUse.Anonymous => FrameKind.Anonymous,
        FrameUse.PageCache => frames.IsDirty(frame) ? FrameKind.FileDirty : FrameKind.FileClean,
        _ => FrameKind.Taken,
    };
}
