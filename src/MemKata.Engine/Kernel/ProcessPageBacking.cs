using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Memory;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The MMU side of one process: on a TLB miss it walks the process's page table; a present entry answers at once (the
/// MMU sets the accessed bit, and the dirty bit on a store), anything else raises a page fault that the machine's
/// <see cref="IPageFaultHandler"/> resolves. Unmapping and mremap moves land here too, and give frames and swap back.
/// </summary>
internal sealed class ProcessPageBacking : IPageBacking
{
    private const ulong PresentWritable = PageTable.Present | PageTable.Writable;

    private readonly Machine _machine;
    private readonly SimProcess _process;
    private readonly PageTable _table;

    public ProcessPageBacking(Machine machine, SimProcess process)
    {
        _machine = machine;
        _process = process;
        _table = process.PageTable;
    }

    public byte[] PageForRead(ulong pageNumber, Mapping mapping)
    {
        EnsureAlive();
        var entry = _table.Get(pageNumber);
        if ((entry & PageTable.Present) == 0)
        {
            _machine.Fault(_process, pageNumber, AccessKind.Read);
            entry = _table.Get(pageNumber);
        }

        if ((entry & PageTable.Accessed) == 0)
        {
            _table.Set(pageNumber, entry | PageTable.Accessed);
        }

        return _machine.Physical.Live(PageTable.FrameOf(entry));
    }

    public byte[] PageForWrite(ulong pageNumber, Mapping mapping)
    {
        EnsureAlive();
        var entry = _table.Get(pageNumber);
        if ((entry & PresentWritable) != PresentWritable)
        {
            _machine.Fault(_process, pageNumber, AccessKind.Write);
            entry = _table.Get(pageNumber);
        }

        _table.Set(pageNumber, entry | PageTable.Accessed | PageTable.Dirty);
        var frame = PageTable.FrameOf(entry);
        if (_machine.Physical.Use[frame.Value] == FrameUse.PageCache)
        {
            // A store through a shared file mapping makes the cached page newer than the file (set_page_dirty).
            _machine.Physical.PageDirty[frame.Value] = true;
        }

        return _machine.Physical.Live(frame);
    }

    public void Discard(ulong firstPage, ulong count) => _machine.UnmapPages(_process, firstPage, count);

    public void Move(ulong fromPage, ulong toPage, ulong count) => _machine.MovePages(_process, fromPage, toPage, count);

    private void EnsureAlive()
    {
        if (!_process.IsAlive)
        {
            throw new ProcessKilledException(_process.Pid, _process.KillReason ?? "the process has exited");
        }
    }
}
