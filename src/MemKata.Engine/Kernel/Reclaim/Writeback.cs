using MemKata.Engine.Units;
using MemKata.Contracts.Kernel;

namespace MemKata.Engine.Kernel;

/// <summary>
/// Writeback of a dirty page-cache page to its file (Linux's <c>folio_mkclean</c> then <c>pageout</c>; synchronous
/// here): every mapping of the page is made clean first, so a later store dirties it again, then the page is written
/// to the simulated disk and marked clean. Counted in pgpgout.
/// </summary>
internal sealed class Writeback(FrameTable frames, PageCache pageCache, ProcessTable processes, VmStat vmStat)
{
    /// <summary>Writes <paramref name="frame"/> back if it is dirty; returns true when it wrote.</summary>
    public bool WriteBack(FrameNumber frame)
    {
        if (!frames.IsDirty(frame))
        {
            return false;
        }

        foreach (var (pid, page) in frames.MappersOf(frame))
        {
            processes.Get(pid).PageTable.CleanDirty(page);
            processes.ShootDown(pid, page);
        }

        Span<byte> contents = stackalloc byte[(int)PageUnits.PageSize];
        frames.Contents.CopyOut(frame.Value, contents);
        var (fileId, index) = frames.FileOf(frame);
        pageCache.File(fileId).WritePage(index, contents);
        frames.Clean(frame);
        vmStat.PgPgOut += PageUnits.KilobytesPerPage;
        return true;
    }
}
