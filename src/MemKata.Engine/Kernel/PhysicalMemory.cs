using MemKata.Contracts.Kernel;

namespace MemKata.Engine.Kernel;

/// <summary>What a physical frame is used for.</summary>
public enum FrameUse : byte
{
    /// <summary>On the free list.</summary>
    Free,

    /// <summary>Taken from the free list but not mapped or cached yet (inside a fault).</summary>
    Allocated,

    /// <summary>One process's anonymous page.</summary>
    Anonymous,

    /// <summary>A page of a file, in the page cache.</summary>
    PageCache,
}

/// <summary>
/// The machine's RAM: an array of frames, the free list, and per-frame bookkeeping (Linux's <c>struct page</c>): what the
/// frame holds and who maps it. Bookkeeping is allocated as frames are first used (the free list hands out the lowest
/// frame first, so the arrays grow to the highest frame ever used): an idle 64 GiB machine costs next to nothing. The
/// bytes live in <see cref="Contents"/>, which stores them sparsely. Freed frames are poisoned so that a page mapped
/// without being filled shows garbage at once.
/// </summary>
public sealed class PhysicalMemory
{
    /// <summary>The byte freed frames are filled with.</summary>
    public const byte Poison = 0x6b;

    private const int InitialCapacity = 1024;

    private readonly int[] _freeStack;
    private int _freeTop;

    /// <summary>Creates <paramref name="frames"/> free frames of <paramref name="pageSize"/> bytes, plus the zero page.</summary>
    public PhysicalMemory(int frames, int pageSize)
    {
        FrameCount = frames;
        Capacity = Math.Min(frames, InitialCapacity);
        Contents = new FrameContents(Capacity, pageSize, Math.Clamp(frames, 2, FrameContents.MaxLiveFrames));
        Use = new FrameUse[Capacity];
        OwnerPid = new int[Capacity];
        OwnerPage = new ulong[Capacity];
        FileId = new int[Capacity];
        FileIndex = new long[Capacity];
        PageDirty = new bool[Capacity];
        Mappers = new List<(int Pid, ulong Page)>?[Capacity];
        ZeroPage = GC.AllocateArray<byte>(pageSize, pinned: true);
        ZeroFrame = new FrameNumber(frames);

        // The lowest frame is handed out first: pop from the top of a stack filled in reverse.
        _freeStack = new int[frames];
        for (var i = 0; i < frames; i++)
        {
            _freeStack[i] = frames - 1 - i;
        }

        _freeTop = frames;
    }

    /// <summary>Number of frames of RAM.</summary>
    public int FrameCount { get; }

    /// <summary>Frames that have bookkeeping so far: every frame below this was handed out at some point, or is about to be.</summary>
    public int Capacity { get; private set; }

    /// <summary>Raised after the bookkeeping arrays grew, with the new capacity (the LRU lists grow with them).</summary>
    public event Action<int>? Grown;

    /// <summary>Frames on the free list.</summary>
    public int FreeFrames => _freeTop;

    /// <summary>The shared zero page's frame number: one past the last frame of RAM, never free, never counted.</summary>
    public FrameNumber ZeroFrame { get; }

    /// <summary>The zero page's bytes: all zeros, read-only by contract.</summary>
    public byte[] ZeroPage { get; }

    /// <summary>The bytes of every frame.</summary>
    public FrameContents Contents { get; }

    /// <summary>What each frame is used for.</summary>
    public FrameUse[] Use { get; private set; }

    /// <summary>For an anonymous frame, the process that owns it (the reverse map; no fork, so one owner).</summary>
    public int[] OwnerPid { get; private set; }

    /// <summary>For an anonymous frame, the virtual page number it is mapped at.</summary>
    public ulong[] OwnerPage { get; private set; }

    /// <summary>For a page-cache frame, the file.</summary>
    public int[] FileId { get; private set; }

    /// <summary>For a page-cache frame, the page index in the file.</summary>
    public long[] FileIndex { get; private set; }

    /// <summary>For a page-cache frame, PG_dirty: the page differs from the file on disk.</summary>
    public bool[] PageDirty { get; private set; }

    /// <summary>For a page-cache frame, every (process, virtual page) mapping it; null when none.</summary>
    public List<(int Pid, ulong Page)>?[] Mappers { get; private set; }

    /// <summary>Takes the lowest-numbered free frame, or null when none is free. Its contents are garbage.</summary>
    public FrameNumber? TryTake()
    {
        if (_freeTop == 0)
        {
            return null;
        }

        var frame = _freeStack[--_freeTop];
        if (frame >= Capacity)
        {
            Grow(Math.Min(FrameCount, Math.Max(frame + 1, Capacity * 2)));
        }

        if (Use[frame] != FrameUse.Free)
        {
            throw new InvalidOperationException($"PhysicalMemory.TryTake: frame {frame} on the free list is in use ({Use[frame]})");
        }

        Use[frame] = FrameUse.Allocated;
        return new FrameNumber(frame);
    }

    /// <summary>Puts a frame back on the free list and poisons it. Freeing a free frame is a bug and throws.</summary>
    public void Release(FrameNumber frame)
    {
        var f = Check(frame, "Release");
        if (Use[f] == FrameUse.Free)
        {
            throw new InvalidOperationException($"PhysicalMemory.Release: frame {f} is already free");
        }

        Use[f] = FrameUse.Free;
        PageDirty[f] = false;
        Mappers[f] = null;
        Contents.Poison(f);
        _freeStack[_freeTop++] = f;
    }

    /// <summary>The full page buffer of a frame for a process's TLB (the zero page for <see cref="ZeroFrame"/>); valid
    /// until the next call for another frame (see <see cref="FrameContents"/>).</summary>
    public byte[] Live(FrameNumber frame)
    {
        if (frame == ZeroFrame)
        {
            return ZeroPage;
        }

        return Contents.Live(Check(frame, "Live"));
    }

    /// <summary>Throws unless <paramref name="frame"/> is a frame of RAM; returns its index.</summary>
    public int Check(FrameNumber frame, string where)
    {
        if ((uint)frame.Value >= (uint)FrameCount)
        {
            throw new ArgumentOutOfRangeException(nameof(frame), $"PhysicalMemory.{where}: {frame} is not a frame of RAM (0..{FrameCount - 1})");
        }

        if (frame.Value >= Capacity)
        {
            throw new InvalidOperationException($"PhysicalMemory.{where}: {frame} was never allocated");
        }

        return frame.Value;
    }

    private void Grow(int capacity)
    {
        Capacity = capacity;
        Contents.Grow(capacity);
        Use = Resized(Use, capacity);
        OwnerPid = Resized(OwnerPid, capacity);
        OwnerPage = Resized(OwnerPage, capacity);
        FileId = Resized(FileId, capacity);
        FileIndex = Resized(FileIndex, capacity);
        PageDirty = Resized(PageDirty, capacity);
        Mappers = Resized(Mappers, capacity);
        Grown?.Invoke(capacity);
    }

    private static T[] Resized<T>(T[] array, int capacity)
    {
        Array.Resize(ref array, capacity);
        return array;
    }
}
