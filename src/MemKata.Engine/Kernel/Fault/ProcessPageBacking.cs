using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Memory;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The MMU side of one process: on a TLB miss it walks the process's page table; a present entry answers at once (the
/// walk sets the accessed bit, and the dirty bit on a store), anything else goes to the <see cref="PageFaultEntry"/>.
/// Unmapping and mremap moves land here too, and give frames and swap back.
/// </summary>
internal sealed class ProcessPageBacking(SimProcess process, FrameTable frames, PageFaultEntry faults, PageMapper mapper) : IPageBacking
{
    public byte[] PageForRead(ulong pageNumber, Mapping mapping) => frames.Live(Walk(pageNumber, write: false));

    public byte[] PageForWrite(ulong pageNumber, Mapping mapping)
    {
        var frame = Walk(pageNumber, write: true);

        // A store through a shared file mapping makes the cached page newer than the file (set_page_dirty).
        frames.MarkDirty(frame);
        return frames.Live(frame);
    }

    public void Discard(ulong firstPage, ulong count) => mapper.UnmapPages(process, firstPage, count);

    public void Move(ulong fromPage, ulong toPage, ulong count) => mapper.MovePages(process, fromPage, toPage, count);

    private FrameNumber Walk(ulong page, bool write)
    {
        if (!process.IsAlive)
        {
            throw new ProcessKilledException(process.Pid, process.KillReason ?? "the process has exited");
        }

        if (process.PageTable.TryAccess(page, write, out var frame))
        {
            return frame;
        }

        faults.Fault(process, page, write ? AccessKind.Write : AccessKind.Read);
        return process.PageTable.TryAccess(page, write, out frame)
            ? frame
            : throw new InvalidOperationException($"ProcessPageBacking: page 0x{page:x} is still not mapped after its fault");
    }
}
