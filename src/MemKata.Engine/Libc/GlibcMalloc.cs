using MemKata.Contracts;
using MemKata.Engine.Memory;
using static MemKata.Engine.Libc.ChunkLayout;

namespace MemKata.Engine.Libc;

/// <summary>
/// The reference allocator: glibc 2.36's malloc on x86-64 (main arena, one thread), reimplemented over a
/// <see cref="SimulatedProcessMemory"/>. It makes the same decisions as the real one, step for step, so it returns the
/// same addresses, sets the same chunk sizes and moves the program break at the same moments. Chunk headers, free-list
/// links and the tcache live in simulated memory; the arena's bins live in the C library's static data, as in a real
/// process.
/// </summary>
/// <remarks>
/// The code is split by glibc's own seams: <c>_Tcache</c> (the per-thread cache), <c>_Allocate</c> (_int_malloc),
/// <c>_Release</c> (_int_free, malloc_consolidate, unlink), <c>_System</c> (sysmalloc, systrim, mmapped chunks),
/// <c>_Resize</c> (_int_realloc) and <c>_Chunks</c> (header and link access). Heap corruption that glibc detects raises
/// <see cref="HeapCorruptionException"/> with glibc's message.
/// </remarks>
public sealed partial class GlibcMalloc : IAllocator
{
    // main_arena's layout in the C library's data: mutex, flags, have_fastchunks, 10 fastbins, top, last_remainder, bins.
    private const ulong ArenaTopOffset = 96;
    private const ulong ArenaLastRemainderOffset = 104;
    private const ulong ArenaBinsOffset = 112;

    /// <summary>The tcache_key this simulation uses. glibc draws it from getrandom at start-up; a fixed value keeps
    /// runs deterministic (it only marks freed tcache chunks, so no address depends on it).</summary>
    public const ulong DefaultTcacheKey = 0x9e37_79b9_7f4a_7c15;

    private readonly SimulatedProcessMemory _memory;
    private readonly Mmu _mmu;
    private readonly ulong _arena;
    private readonly ulong _binsBase;
    private readonly ulong _pageSize;
    private readonly ulong[] _fastbins = new ulong[FastbinCount];
    private readonly uint[] _binmap = new uint[BinmapWords];
    private readonly ulong _tcacheKey;

    private bool _initialized;
    private bool _haveFastChunks;
    private bool _contiguous = true;
    private ulong _maxFast;
    private ulong _top;
    private ulong _lastRemainder;
    private ulong _systemMem;
    private ulong _maxSystemMem;
    private ulong _tcache;

    /// <summary>Creates the allocator of a process that has not called malloc yet. Its arena is placed in the process's
    /// C library data (<see cref="SimulatedProcessMemory.LibcDataAddress"/>).</summary>
    public GlibcMalloc(SimulatedProcessMemory memory, ulong tcacheKey = DefaultTcacheKey)
    {
        ArgumentNullException.ThrowIfNull(memory);
        _memory = memory;
        _mmu = memory.Mmu;
        _arena = memory.LibcDataAddress;
        _binsBase = _arena + ArenaBinsOffset;
        _pageSize = memory.PageSize;
        _tcacheKey = tcacheKey;
    }

    /// <summary>The factory for <see cref="Traces.TraceReplayer"/> and the engine: glibc over the given memory.</summary>
    public static AllocatorFactory Factory { get; } = memory => new GlibcMalloc(memory);

    /// <summary>The process memory this allocator works in.</summary>
    public SimulatedProcessMemory Memory => _memory;

    /// <summary>The tunable parameters (thresholds, top pad, tcache sizes) as they are now.</summary>
    public MallocTunables Tunables { get; } = new();

    /// <summary>The top chunk: the free space at the end of the heap (the arena itself before the first sbrk).</summary>
    public ulong TopChunk => _top;

    /// <summary>Bytes the heap has obtained from the kernel (brk memory, or mmap used in its place).</summary>
    public ulong SystemMemory => _systemMem;

    /// <summary>The most heap memory ever obtained from the kernel.</summary>
    public ulong MaxSystemMemory => _maxSystemMem;

    /// <summary>Where the tcache_perthread_struct lives in the heap (0 before the first malloc).</summary>
    public ulong TcacheAddress => _tcache;

    /// <inheritdoc/>
    public ulong Malloc(ulong size)
    {
        EnsureInitialized();
        var chunkSize = CheckedRequestToSize(size);
        if (chunkSize == 0)
        {
            return 0;
        }

        var index = TcacheIndex(chunkSize);
        MaybeInitTcache();
        if (index < Tunables.TcacheBins && _tcache != 0)
        {
            var count = ReadTcacheCount(index);
            if (count.Count > 0)
            {
                return TcacheGet(index, count);
            }
        }

        return IntMalloc(size);
    }

    /// <inheritdoc/>
    public void Free(ulong pointer)
    {
        if (pointer == 0)
        {
            return;
        }

        EnsureInitialized();
        var chunk = MemToChunk(pointer);
        var sizeField = SizeField(chunk);
        if ((sizeField & IsMmappedBit) != 0)
        {
            // Freeing a mapped chunk larger than the threshold (flag bits included, as glibc compares) raises the
            // threshold to its size: later requests of that size are served from the heap instead.
            if (!Tunables.DynamicThresholdDisabled
                && sizeField > Tunables.MmapThreshold
                && sizeField <= MallocTunables.MaxDynamicMmapThreshold)
            {
                Tunables.MmapThreshold = sizeField & ~SizeBits;
                Tunables.TrimThreshold = 2 * Tunables.MmapThreshold;
            }

            MunmapChunk(chunk);
            return;
        }

        MaybeInitTcache();
        IntFree(chunk, sizeField & ~SizeBits, haveLock: false);
    }

    /// <inheritdoc/>
    public ulong Realloc(ulong pointer, ulong size)
    {
        EnsureInitialized();
        if (size == 0 && pointer != 0)
        {
            Free(pointer);
            return 0;
        }

        if (pointer == 0)
        {
            return Malloc(size);
        }

        // glibc reads the size word twice here (chunksize, then chunk_is_mmapped); the second read, with no access in
        // between, can only hit the TLB and find the same word: one read serves both.
        var oldChunk = MemToChunk(pointer);
        var oldField = SizeField(oldChunk);
        var oldSize = oldField & ~SizeBits;
        var mmapped = (oldField & IsMmappedBit) != 0;
        var tcacheWasReady = _tcache != 0;
        if (!mmapped)
        {
            MaybeInitTcache();
        }

        if (oldChunk > 0 - oldSize || IsMisaligned(oldChunk))
        {
            throw Corruption("realloc(): invalid pointer");
        }

        var nb = CheckedRequestToSize(size);
        if (nb == 0)
        {
            return 0;
        }

        if (mmapped)
        {
            var remapped = MremapChunk(oldChunk, nb);
            if (remapped != 0)
            {
                return ChunkToMem(remapped);
            }

            if (oldSize - SizeSz >= nb)
            {
                return pointer;
            }

            var moved = Malloc(size);
            if (moved == 0)
            {
                return 0;
            }

            _mmu.Copy(moved, pointer, oldSize - HeaderSize);
            MunmapChunk(oldChunk);
            return moved;
        }

        // _int_realloc reads the size word again: the same word, from the TLB, unless tcache_init's accesses ran since.
        return IntRealloc(oldChunk, tcacheWasReady ? oldField : SizeField(oldChunk), nb);
    }

    /// <inheritdoc/>
    public ulong Calloc(ulong count, ulong size)
    {
        var bytes = (UInt128)count * size;
        if (bytes > long.MaxValue)
        {
            return 0;
        }

        EnsureInitialized();
        MaybeInitTcache();

        // Memory fresh from sbrk is already zero: only the part of the chunk that was top before this call needs clearing.
        var oldTop = _top;
        var oldTopSize = ChunkSize(oldTop);
        var neverUsed = Tunables.SbrkBase + _maxSystemMem - oldTop;
        if (oldTopSize < neverUsed)
        {
            oldTopSize = neverUsed;
        }

        var mem = IntMalloc((ulong)bytes);
        if (mem == 0)
        {
            return 0;
        }

        var chunk = MemToChunk(mem);
        var clear = ChunkSize(chunk);
        if (IsMmapped(chunk))
        {
            if (Tunables.PerturbByte != 0)
            {
                _mmu.Fill(mem, 0, (ulong)bytes);
            }

            return mem;
        }

        if (Tunables.PerturbByte == 0 && chunk == oldTop && clear > oldTopSize)
        {
            clear = oldTopSize;
        }

        _mmu.Fill(mem, 0, clear - SizeSz);
        return mem;
    }

    /// <summary><c>malloc_usable_size(p)</c>: how many bytes the block at <paramref name="pointer"/> really offers
    /// (its chunk size less the header, plus the next chunk's prev_size word it may use); 0 for NULL or a free chunk.</summary>
    public ulong UsableSize(ulong pointer)
    {
        if (pointer == 0)
        {
            return 0;
        }

        var chunk = MemToChunk(pointer);
        var size = ChunkSize(chunk);
        if (IsMmapped(chunk))
        {
            return size - HeaderSize;
        }

        return InUseAt(chunk, size) ? size - HeaderSize + SizeSz : 0;
    }

    /// <summary><c>mallopt(parameter, value)</c>: consolidates the fastbins, then sets the parameter. Returns 1 on success,
    /// 0 for a value glibc refuses (M_MXFAST above 160). Setting any threshold, the top pad or M_MMAP_MAX stops the
    /// thresholds from moving by themselves.</summary>
    public int Mallopt(MallocParameter parameter, int value)
    {
        EnsureInitialized();
        MallocConsolidate();
        var asSize = unchecked((ulong)(long)value);
        switch (parameter)
        {
            case MallocParameter.MaxFast:
                if (asSize > MaxFastRequest)
                {
                    return 0;
                }

                _maxFast = MaxFastChunk(asSize);
                return 1;
            case MallocParameter.TrimThreshold:
                Tunables.TrimThreshold = asSize;
                Tunables.DynamicThresholdDisabled = true;
                return 1;
            case MallocParameter.TopPad:
                Tunables.TopPad = asSize;
                Tunables.DynamicThresholdDisabled = true;
                return 1;
            case MallocParameter.MmapThreshold:
                Tunables.MmapThreshold = asSize;
                Tunables.DynamicThresholdDisabled = true;
                return 1;
            case MallocParameter.MmapMax:
                Tunables.MmapMax = value;
                Tunables.DynamicThresholdDisabled = true;
                return 1;
            case MallocParameter.Perturb:
                Tunables.PerturbByte = value;
                return 1;
            case MallocParameter.ArenaTest when value > 0:
                Tunables.ArenaTest = asSize;
                return 1;
            case MallocParameter.ArenaMax when value > 0:
                Tunables.ArenaMax = asSize;
                return 1;
            default:
                return 1;
        }
    }

    // ptmalloc_init + malloc_init_state: every bin points at itself, top is the unsorted bin's header (size 0).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void EnsureInitialized()
    {
        if (!_initialized)
        {
            Initialize();
        }
    }

    private void Initialize()
    {
        _initialized = true;
        for (var i = 1; i < BinCount; i++)
        {
            var bin = BinAt(i);
            SetFd(bin, bin);
            SetBk(bin, bin);
        }

        _maxFast = MaxFastChunk(DefaultMaxFastRequest);
        _haveFastChunks = false;
        SetTop(UnsortedBin);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void SetTop(ulong chunk)
    {
        _top = chunk;
        _mmu.WriteWord(_arena + ArenaTopOffset, chunk);
    }

    private void SetLastRemainder(ulong chunk)
    {
        _lastRemainder = chunk;
        _mmu.WriteWord(_arena + ArenaLastRemainderOffset, chunk);
    }

    // alloc_perturb / free_perturb (M_PERTURB).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void PerturbAllocated(ulong mem, ulong length)
    {
        if (Tunables.PerturbByte != 0)
        {
            _mmu.Fill(mem, (byte)(Tunables.PerturbByte ^ 0xff), length);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void PerturbFreed(ulong mem, ulong length)
    {
        if (Tunables.PerturbByte != 0)
        {
            _mmu.Fill(mem, (byte)Tunables.PerturbByte, length);
        }
    }
}
