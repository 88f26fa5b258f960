using MemKata.Contracts.Kernel;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The machine's RAM and the one owner of every frame's state (Linux's <c>struct page</c> array and its reverse map):
/// the free list, what each frame is used for, who maps it (the owner of an anonymous page, every mapper of a
/// page-cache page), which file page it caches and whether it is dirty. Everything else changes a frame through the
/// verbs here (<see cref="TryTake"/>, <see cref="MakeAnonymous"/>, <see cref="AddToPageCache"/>,
/// <see cref="AddMapper"/>, <see cref="MarkDirty"/>, <see cref="Clean"/>, <see cref="Release"/>...), each checking the
/// frame is in the state it needs, so a kernel bug fails where it is.
/// </summary>
/// <remarks>
/// Cost grows with the frames used, never with the size of RAM: the free list hands out the lowest never-used frame
/// once no freed frame waits (freed frames go first, last freed first), and the state array grows to the highest frame
/// handed out so far. A 1 TiB machine that touches 1 MiB holds state for 256 frames. The bytes live in
/// <see cref="Contents"/>, which stores them sparsely; freed frames are poisoned so that a page mapped without being
/// filled shows garbage at once.
/// </remarks>
public sealed class FrameTable
{
    /// <summary>The byte freed frames are filled with.</summary>
    public const byte Poison = 0x6b;

    private const int InitialCapacity = 1024;

    private readonly Stack<int> _freed = new();
    private FrameState[] _state;
    private int _nextUnused;

    /// <summary>Creates <paramref name="frames"/> free frames of <paramref name="pageSize"/> bytes, plus the zero page.</summary>
    public FrameTable(int frames, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frames);
        FrameCount = frames;
        Capacity = Math.Min(frames, InitialCapacity);
        Contents = new FrameContents(Capacity, pageSize, Math.Clamp(frames, 2, FrameContents.MaxLiveFrames));
        _state = new FrameState[Capacity];
        ZeroPage = GC.AllocateArray<byte>(pageSize, pinned: true);
        ZeroFrame = new FrameNumber(frames);
    }

    /// <summary>Number of frames of RAM.</summary>
    public int FrameCount { get; }

    /// <summary>Frames that have state so far: every frame below this was handed out at some point, or is about to be.</summary>
    public int Capacity { get; private set; }

    /// <summary>Raised after the state grew, with the new capacity (the LRU lists grow with it).</summary>
    public event Action<int>? Grown;

    /// <summary>Frames on the free list.</summary>
    public int FreeFrames => _freed.Count + (FrameCount - _nextUnused);

    /// <summary>The shared zero page's frame number: one past the last frame of RAM, never free, never counted.</summary>
    public FrameNumber ZeroFrame { get; }

    /// <summary>The zero page's bytes: all zeros, read-only by contract, pinned.</summary>
    public byte[] ZeroPage { get; }

    /// <summary>The bytes of every frame.</summary>
    public FrameContents Contents { get; }

    // ---- the free list -------------------------------------------------------------------------------------------

    /// <summary>Takes a free frame (the one freed last, else the lowest never used), or null when none is free. It is
    /// <see cref="FrameUse.Allocated"/> and its contents are garbage.</summary>
    public FrameNumber? TryTake()
    {
        int frame;
        if (_freed.Count > 0)
        {
            frame = _freed.Pop();
        }
        else if (_nextUnused < FrameCount)
        {
            frame = _nextUnused++;
            if (frame >= Capacity)
            {
                Grow(Math.Min(FrameCount, Math.Max(frame + 1, Capacity * 2)));
            }
        }
        else
        {
            return null;
        }

        ref var state = ref _state[frame];
        if (state.Use != FrameUse.Free)
        {
            throw new InvalidOperationException($"FrameTable.TryTake: frame {frame} on the free list is in use ({state.Use})");
        }

        state.Use = FrameUse.Allocated;
        return new FrameNumber(frame);
    }

    /// <summary>Puts a frame back on the free list, forgets its state and poisons it. Freeing a free frame is a bug and
    /// throws.</summary>
    public void Release(FrameNumber frame)
    {
        ref var state = ref State(frame, nameof(Release));
        if (state.Use == FrameUse.Free)
        {
            throw new InvalidOperationException($"FrameTable.Release: {frame} is already free");
        }

        state = default;
        Contents.Poison(frame.Value);
        _freed.Push(frame.Value);
    }

    // ---- what a frame holds --------------------------------------------------------------------------------------

    /// <summary>What <paramref name="frame"/> is used for.</summary>
    public FrameUse UseOf(FrameNumber frame) => State(frame, nameof(UseOf)).Use;

    /// <summary>Makes a frame just taken (<see cref="FrameUse.Allocated"/>) the anonymous page of process
    /// <paramref name="pid"/> at virtual page <paramref name="page"/>.</summary>
    public void MakeAnonymous(FrameNumber frame, int pid, ulong page)
    {
        ref var state = ref Allocated(frame, nameof(MakeAnonymous));
        state.Use = FrameUse.Anonymous;
        state.OwnerPid = pid;
        state.OwnerPage = page;
    }

    /// <summary>Makes a frame just taken (<see cref="FrameUse.Allocated"/>) the page-cache page of page
    /// <paramref name="index"/> of file <paramref name="fileId"/>, clean and mapped by nobody yet.</summary>
    public void AddToPageCache(FrameNumber frame, int fileId, long index)
    {
        ref var state = ref Allocated(frame, nameof(AddToPageCache));
        state.Use = FrameUse.PageCache;
        state.FileId = fileId;
        state.FileIndex = index;
    }

    /// <summary>The process and virtual page an anonymous frame is mapped at (no fork: one owner).</summary>
    public (int Pid, ulong Page) OwnerOf(FrameNumber frame)
    {
        ref var state = ref Using(frame, FrameUse.Anonymous, nameof(OwnerOf));
        return (state.OwnerPid, state.OwnerPage);
    }

    /// <summary>The file and page index a page-cache frame holds.</summary>
    public (int FileId, long Index) FileOf(FrameNumber frame)
    {
        ref var state = ref Using(frame, FrameUse.PageCache, nameof(FileOf));
        return (state.FileId, state.FileIndex);
    }

    // ---- the reverse map -----------------------------------------------------------------------------------------

    /// <summary>Records that process <paramref name="pid"/> maps page-cache <paramref name="frame"/> at virtual page
    /// <paramref name="page"/>.</summary>
    public void AddMapper(FrameNumber frame, int pid, ulong page) =>
        (Using(frame, FrameUse.PageCache, nameof(AddMapper)).Mappers ??= []).Add((pid, page));

    /// <summary>Forgets that process <paramref name="pid"/> maps page-cache <paramref name="frame"/> at
    /// <paramref name="page"/>; the frame stays cached.</summary>
    public void RemoveMapper(FrameNumber frame, int pid, ulong page)
    {
        var mappers = Using(frame, FrameUse.PageCache, nameof(RemoveMapper)).Mappers;
        if (mappers is null || !mappers.Remove((pid, page)))
        {
            throw new InvalidOperationException($"FrameTable.RemoveMapper: pid {pid} does not map {frame} at page 0x{page:x}");
        }
    }

    /// <summary>mremap moved process <paramref name="pid"/>'s mapping of <paramref name="frame"/> from virtual page
    /// <paramref name="from"/> to <paramref name="to"/>: the reverse map follows.</summary>
    public void MoveMapping(FrameNumber frame, int pid, ulong from, ulong to)
    {
        ref var state = ref State(frame, nameof(MoveMapping));
        if (state.Use == FrameUse.Anonymous)
        {
            state.OwnerPage = to;
            return;
        }

        var mappers = Using(frame, FrameUse.PageCache, nameof(MoveMapping)).Mappers!;
        mappers[mappers.IndexOf((pid, from))] = (pid, to);
    }

    /// <summary>Every (process, virtual page) that maps <paramref name="frame"/>: the owner of an anonymous page, each
    /// mapper of a page-cache page (none for one only cached), nothing for a free or just-taken frame.</summary>
    public IReadOnlyList<(int Pid, ulong Page)> MappersOf(FrameNumber frame)
    {
        ref var state = ref State(frame, nameof(MappersOf));
        return state.Use switch
        {
            FrameUse.Anonymous => [(state.OwnerPid, state.OwnerPage)],
            FrameUse.PageCache when state.Mappers is { } mappers => [.. mappers],
            _ => [],
        };
    }

    /// <summary>True when some process maps <paramref name="frame"/>.</summary>
    public bool IsMapped(FrameNumber frame)
    {
        ref var state = ref State(frame, nameof(IsMapped));
        return state.Use == FrameUse.Anonymous || state.Mappers is { Count: > 0 };
    }

    // ---- dirty page-cache pages ----------------------------------------------------------------------------------

    /// <summary>PG_dirty of a page-cache frame: it differs from the file on disk.</summary>
    public bool IsDirty(FrameNumber frame) => Using(frame, FrameUse.PageCache, nameof(IsDirty)).Dirty;

    /// <summary>Marks a page-cache frame newer than its file (<c>set_page_dirty</c>); anonymous frames are left alone
    /// (their dirtiness lives in the page table).</summary>
    public void MarkDirty(FrameNumber frame)
    {
        ref var state = ref State(frame, nameof(MarkDirty));
        if (state.Use == FrameUse.PageCache)
        {
            state.Dirty = true;
        }
    }

    /// <summary>Marks a page-cache frame as written back (<c>folio_clear_dirty</c>).</summary>
    public void Clean(FrameNumber frame) => Using(frame, FrameUse.PageCache, nameof(Clean)).Dirty = false;

    /// <summary>Page-cache frames that are dirty, and those some process maps (meminfo's Dirty and Mapped). Walks the
    /// frames used so far.</summary>
    public (long Dirty, long Mapped) CountPageCache()
    {
        long dirty = 0, mapped = 0;
        for (var f = 0; f < Capacity; f++)
        {
            if (_state[f].Use == FrameUse.PageCache)
            {
                dirty += _state[f].Dirty ? 1 : 0;
                mapped += _state[f].Mappers is { Count: > 0 } ? 1 : 0;
            }
        }

        return (dirty, mapped);
    }

    // ---- bytes ---------------------------------------------------------------------------------------------------

    /// <summary>The full page buffer of a frame for a process's TLB (the zero page for <see cref="ZeroFrame"/>); valid
    /// until the next call for another frame (see <see cref="FrameContents"/>).</summary>
    public byte[] Live(FrameNumber frame) => frame == ZeroFrame ? ZeroPage : Contents.Live(Check(frame, nameof(Live)));

    /// <summary>Throws unless <paramref name="frame"/> is a frame of RAM that was handed out at some point; returns its
    /// index.</summary>
    public int Check(FrameNumber frame, string where)
    {
        if ((uint)frame.Value >= (uint)FrameCount)
        {
            throw new ArgumentOutOfRangeException(nameof(frame), $"FrameTable.{where}: {frame} is not a frame of RAM (0..{FrameCount - 1})");
        }

        if (frame.Value >= Capacity)
        {
            throw new InvalidOperationException($"FrameTable.{where}: {frame} was never allocated");
        }

        return frame.Value;
    }

    private ref FrameState State(FrameNumber frame, string where) => ref _state[Check(frame, where)];

    private ref FrameState Allocated(FrameNumber frame, string where) => ref Using(frame, FrameUse.Allocated, where);

    private ref FrameState Using(FrameNumber frame, FrameUse use, string where)
    {
        ref var state = ref State(frame, where);
        if (state.Use != use)
        {
            throw new InvalidOperationException($"FrameTable.{where}: {frame} is {state.Use}, not {use}");
        }

        return ref state;
    }

    private void Grow(int capacity)
    {
        Capacity = capacity;
        Contents.Grow(capacity);
        Array.Resize(ref _state, capacity);
        Grown?.Invoke(capacity);
    }

    // One frame's state: its use, and for an anonymous page its owner, for a page-cache page its file page, PG_dirty and
    // its mappers.
    private struct FrameState
    {
        public FrameUse Use;
        public bool Dirty;
        public int OwnerPid;
        public ulong OwnerPage;
        public int FileId;
        public long FileIndex;
        public List<(int Pid, ulong Page)>? Mappers;
    }
}
