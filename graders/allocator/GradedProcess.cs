using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Memory;

namespace MemKata.Graders.Allocator;

/// <summary>
/// A simulated process running the learner's allocator, holding the blocks a program would hold, and checking the
/// REQUIRED rules after every operation: alignment, a truthful size word at <c>p - 8</c>, no overlap, contents kept,
/// heap or mmap as the threshold says, munmap of mapped blocks, and (when <see cref="CheckFreeTail"/> is on) trimming.
/// Every failure says which operation, what was expected, and what was found.
/// </summary>
internal sealed class GradedProcess
{
    private const int FullCheckInterval = 64;

    private readonly Dictionary<ulong, TrackedBlock> _live = [];
    private readonly List<ulong> _sorted = [];
    private readonly List<SyscallRecord> _syscalls = [];
    private int _operations;
    private int _sinceFullCheck;
    private byte _nextFill = 0x11;

    public GradedProcess(AddressSpaceLayout? layout = null)
    {
        Memory = new SimulatedProcessMemory(layout);
        Memory.SyscallCompleted += _syscalls.Add;
        Allocator = Subject.Create(Memory);
    }

    public SimulatedProcessMemory Memory { get; }

    public IAllocator Allocator { get; }

    /// <summary>Check the rules at all. Off for the snapshot recordings, which write down what the allocator did (its
    /// system calls) and let the comparison with the reference show where it went astray.</summary>
    public bool CheckRules { get; init; } = true;

    /// <summary>Check after every free that the end of the heap keeps at most <see cref="Rules.MaxFreeTail"/> free (task 6).</summary>
    public bool CheckFreeTail { get; init; }

    /// <summary>Check the syscall rules: heap blocks make no mmap, mapped blocks leave the break alone (task 4). Off only
    /// where the heap cannot grow and an mmap fallback is allowed.</summary>
    public bool CheckSyscallRules { get; init; } = true;

    public IReadOnlyCollection<TrackedBlock> Live => _live.Values;

    public ulong Break => Memory.ProgramBreak;

    public ulong HeapBytes => Memory.ProgramBreak - Memory.HeapStart;

    public int SyscallsSoFar => _syscalls.Count;

    /// <summary>Free space at the end of the heap: the break less the end of the highest heap chunk in use.</summary>
    public ulong FreeTail
    {
        get
        {
            // Mapped blocks lie far above the heap: the highest heap block is the last unmapped one in address order.
            var end = Memory.HeapStart;
            for (var i = _sorted.Count - 1; i >= 0; i--)
            {
                var block = _live[_sorted[i]];
                if (!block.IsMapped && block.Pointer < Break)
                {
                    end = Math.Max(end, block.ChunkEnd);
                    break;
                }
            }

            return Break > end ? Break - end : 0;
        }
    }

    public ulong Malloc(ulong size)
    {
        var what = $"malloc({size})";
        var (pointer, calls, breakBefore) = Run(() => Allocator.Malloc(size));
        RequireServed(pointer, size, what);
        return pointer == 0 ? 0 : Adopt(pointer, size, what, calls, breakBefore, mustBeZero: false, expectMapped: ExpectedPlacement(size));
    }

    public ulong Calloc(ulong count, ulong size)
    {
        var what = $"calloc({count}, {size})";
        var (pointer, calls, breakBefore) = Run(() => Allocator.Calloc(count, size));
        var total = (UInt128)count * size;
        if (pointer == 0)
        {
            if (total <= Rules.ServedRequest)
            {
                RequireServed(pointer, (ulong)total, what);
            }

            return 0;
        }

        Assert.That(total, Is.LessThanOrEqualTo((UInt128)Rules.MaxRequest), $"{what} returned 0x{pointer:x}, but {count} × {size} overflows (or exceeds PTRDIFF_MAX): calloc must return NULL");
        return Adopt(pointer, (ulong)total, what, calls, breakBefore, mustBeZero: true, expectMapped: ExpectedPlacement((ulong)total));
    }

    public void Free(ulong pointer)
    {
        var what = $"free(0x{pointer:x})";
        var block = pointer == 0 ? null : Holding(pointer, what);
        var (_, calls, breakBefore) = Run(() => { Allocator.Free(pointer); return 0; });
        if (block is null)
        {
            AfterOperation(null, what);
            return;
        }

        Forget(pointer);
        if (!CheckRules)
        {
            return;
        }

        if (block.IsMapped)
        {
            CheckUnmapped(block, what, calls, breakBefore);
        }

        if (CheckFreeTail)
        {
            CheckTail(what);
            Assert.That(Break, Is.LessThanOrEqualTo(breakBefore),
                $"{what} moved the break up from 0x{breakBefore:x} to 0x{Break:x}: free gives memory back (a negative sbrk) or keeps it, never asks for more (task 6)");
        }

        AfterOperation(null, what);
    }

    public ulong Realloc(ulong pointer, ulong size)
    {
        var what = $"realloc(0x{pointer:x}, {size})";
        var old = pointer == 0 ? null : Holding(pointer, what);
        var mappingsBefore = AnonymousMappings;
        var (result, calls, breakBefore) = Run(() => Allocator.Realloc(pointer, size));
        if (size != 0)
        {
            RequireServed(result, size, what);
        }

        if (old is null)
        {
            return result == 0 ? 0 : Adopt(result, size, what, calls, breakBefore, mustBeZero: false, expectMapped: ExpectedPlacement(size));
        }

        if (size == 0 && CheckRules)
        {
            Assert.That(result, Is.Zero, $"{what}: realloc(p, 0) must free p and return NULL, but it returned 0x{result:x}");
            Forget(pointer);
            if (old.IsMapped)
            {
                Assert.That(Memory.FindMapping(old.ChunkStart), Is.Null, $"{what}: realloc(p, 0) of a mapped block must unmap it, but its mapping at 0x{old.ChunkStart:x} is still there");
            }

            AfterOperation(null, what);
            return 0;
        }

        if (size == 0 || result == 0)
        {
            // A failed realloc leaves the old block as it was.
            if (size == 0)
            {
                Forget(pointer);
            }
            else if (CheckRules)
            {
                CheckContents(old, what + " returned NULL, so the old block must be untouched, but");
            }

            AfterOperation(null, what);
            return 0;
        }

        Forget(pointer);
        if (CheckRules && CheckSyscallRules && old.IsMapped)
        {
            // Moved or resized in place, a mapped block leaves exactly one mapping (its new one) or none (back to the heap).
            var expected = mappingsBefore - ((ReadSizeWord(result, what) & 0x2) != 0 ? 0 : 1);
            Assert.That(AnonymousMappings, Is.EqualTo(expected), $"{what}: the block had a mapping of its own; after realloc the process has {AnonymousMappings} anonymous mappings, {expected} expected: when realloc moves a mapped block, its old mapping must be unmapped (task 5). Calls made: {Describe(calls)}");
        }

        var kept = CheckRules ? Math.Min(old.Size, size) : 0;
        var firstChanged = FirstByteNotEqual(result, kept, old.Fill);
        Assert.That(firstChanged, Is.EqualTo(-1L), $"{what}: byte {firstChanged} of the old contents was not kept (realloc keeps the first min(old, new) = {kept} bytes)");
        bool? expectMapped = Rules.IsMappedRequest(size) ? true : old.IsMapped ? null : false;
        return Adopt(result, size, what, calls, breakBefore, mustBeZero: false, expectMapped, moving: old);
    }

    /// <summary>Frees every block still held, in the given order (default: lowest address first).</summary>
    public void FreeAll(IEnumerable<ulong>? order = null)
    {
        foreach (var pointer in (order ?? _sorted).ToList())
        {
            Free(pointer);
        }
    }

    /// <summary>Checks every held block's size word and every byte of its contents.</summary>
    public void CheckEverything(string when)
    {
        foreach (var block in _live.Values)
        {
            CheckHeader(block, when);
            CheckContents(block, when + ",");
        }
    }

    public IEnumerable<SyscallRecord> CallsSince(int index) => _syscalls.Skip(index);

    private int AnonymousMappings => Memory.Mappings.Count(m => m.Kind == VmaKind.Anonymous);

    private static bool? ExpectedPlacement(ulong size) => Rules.IsMappedRequest(size);

    private (ulong Result, List<SyscallRecord> Calls, ulong BreakBefore) Run(Func<ulong> operation)
    {
        _operations++;
        var first = SyscallsSoFar;
        var breakBefore = Break;

        // The allocator is guarded (Subject): an exception it throws, a SIGSEGV of its own memory accesses or the stub's
        // NotImplementedException, fails the test there, in the learner's words.
        var result = operation();
        return (result, _syscalls.Skip(first).ToList(), breakBefore);
    }

    private TrackedBlock Holding(ulong pointer, string what)
    {
        Assert.That(_live.TryGetValue(pointer, out var block), Is.True, $"{what}: the grader does not hold this block (a bug in the grader)");
        return block!;
    }

    private ulong Adopt(ulong pointer, ulong size, string what, List<SyscallRecord> calls, ulong breakBefore, bool mustBeZero, bool? expectMapped, TrackedBlock? moving = null)
    {
        var field = CheckRules ? ReadSizeWord(pointer, what) : 0;
        var block = new TrackedBlock(pointer, size, NextFill(), field, what);
        if (!CheckRules)
        {
            // Only recording: a pointer handed out twice replaces the block it overlaps.
            if (_live.ContainsKey(pointer))
            {
                Forget(pointer);
            }

            _live[pointer] = block;
            _sorted.Insert(~_sorted.BinarySearch(pointer), pointer);
            return pointer;
        }

        Assert.That(pointer % 16, Is.Zero, $"{what} returned 0x{pointer:x}, which is not 16-byte aligned (task 1: every pointer is a multiple of 16)");
        if (block.IsMapped)
        {
            CheckMappedBlock(block, what, calls, breakBefore, fromMalloc: moving is null);
        }
        else
        {
            CheckHeapBlock(block, what, calls);
        }

        if (expectMapped is { } mapped)
        {
            Assert.That(block.IsMapped, Is.EqualTo(mapped), mapped
                ? $"{what}: the chunk size of {size} bytes is {Rules.ChunkSizeFor(size)}, which reaches the 128 KiB threshold, so the block must have a mapping of its own with IS_MMAPPED (0x2) set at p - 8 (task 4); the size word is 0x{field:x}"
                : $"{what}: the size word 0x{field:x} has IS_MMAPPED (0x2) set, but a request of {size} bytes (chunk size {Rules.ChunkSizeFor(size)}, below 128 KiB) must come from the heap (task 4)");
        }

        CheckNoOverlap(block, what);
        if (mustBeZero)
        {
            var nonZero = FirstByteNotEqual(pointer, size, 0);
            Assert.That(nonZero, Is.EqualTo(-1L), $"{what}: byte {nonZero} of the new block is not zero (calloc must zero every byte, also when it reuses freed memory)");
        }

        Memory.Fill(pointer, block.Fill, size);
        _live[pointer] = block;
        var index = _sorted.BinarySearch(pointer);
        _sorted.Insert(~index, pointer);
        AfterOperation(block, what);
        return pointer;
    }

    private ulong ReadSizeWord(ulong pointer, string what)
    {
        try
        {
            return Memory.ReadWord(pointer - 8);
        }
        catch (SegmentationFaultException)
        {
            Assert.Fail($"{what} returned 0x{pointer:x}, but p - 8 is not mapped: the size word must sit just before the pointer (task 1)");
            throw;
        }
    }

    private void CheckHeapBlock(TrackedBlock block, string what, List<SyscallRecord> calls)
    {
        var size = block.ChunkSize;
        Assert.That(size % 16, Is.Zero, $"{what}: the size word at p - 8 is 0x{block.SizeWord:x}; with its three flag bits cleared it must be a multiple of 16 (task 1)");
        Assert.That(size, Is.GreaterThanOrEqualTo(block.Size + 8), $"{what}: the size word at p - 8 says the chunk has {size} bytes, too few for {block.Size} bytes plus the 8-byte size word (task 1)");
        var mapping = Memory.FindMapping(block.Pointer);
        var allowed = CheckSyscallRules ? VmaKind.Heap : mapping?.Kind ?? VmaKind.Heap;
        Assert.That(mapping?.Kind, Is.EqualTo(allowed), $"{what} returned 0x{block.Pointer:x}, which is not in the brk heap [0x{Memory.HeapStart:x}, 0x{Break:x}), and IS_MMAPPED is clear (task 2)");
        Assert.That(block.Pointer + block.Size, Is.LessThanOrEqualTo(allowed == VmaKind.Heap ? Break : mapping!.End), $"{what}: the block [0x{block.Pointer:x}, 0x{block.Pointer + block.Size:x}) runs past the program break 0x{Break:x} (task 2)");
        if (CheckSyscallRules)
        {
            var mmap = calls.FirstOrDefault(c => c.Kind == SyscallKind.Mmap);
            Assert.That(mmap, Is.Null, $"{what} made the call {mmap} but returned a heap block: heap memory comes from brk, mmap is for blocks of 128 KiB and more (task 2)");
        }
    }

    private void CheckMappedBlock(TrackedBlock block, string what, List<SyscallRecord> calls, ulong breakBefore, bool fromMalloc)
    {
        var mapping = Memory.FindMapping(block.ChunkStart);
        Assert.That(mapping, Is.Not.Null, $"{what}: IS_MMAPPED is set at p - 8, but nothing is mapped at p - 16 = 0x{block.ChunkStart:x} (task 4: the chunk starts at the start of its mapping)");
        Assert.That(mapping!.Kind, Is.EqualTo(VmaKind.Anonymous), $"{what}: IS_MMAPPED is set, but p - 16 lies in the {mapping.Kind} mapping, not in a mapping of its own (task 4)");
        Assert.That(mapping.Start, Is.EqualTo(block.ChunkStart), $"{what}: the mapping starts at 0x{mapping.Start:x}, but the chunk must start at the start of its mapping (p - 16 = 0x{block.ChunkStart:x}) so free can munmap it (task 4)");
        Assert.That(block.ChunkSize, Is.EqualTo(mapping.Length), $"{what}: the size word says {block.ChunkSize}, but the mapping is {mapping.Length} bytes: a mapped chunk's size is its mapping's length (task 4)");
        Assert.That(block.ChunkSize, Is.GreaterThanOrEqualTo(block.Size + 16), $"{what}: a mapping of {block.ChunkSize} bytes cannot hold the 16-byte header and {block.Size} bytes (task 4)");
        if (fromMalloc)
        {
            var expected = Rules.MappingLengthFor(block.Size);
            Assert.That(block.ChunkSize, Is.EqualTo(expected), $"{what}: the mapping is {block.ChunkSize} bytes; the rule is chunk size ({Rules.ChunkSizeFor(block.Size)}) + 8, rounded up to pages = {expected} (task 4)");
        }

        if (CheckSyscallRules && fromMalloc)
        {
            Assert.That(Break, Is.EqualTo(breakBefore), $"{what} returned a mapped block but moved the program break from 0x{breakBefore:x} to 0x{Break:x}: a big block must not touch the heap (task 4)");
        }
    }

    private void CheckUnmapped(TrackedBlock block, string what, List<SyscallRecord> calls, ulong breakBefore)
    {
        var munmap = calls.FirstOrDefault(c => c.Kind == SyscallKind.Munmap && c.Address == block.ChunkStart);
        Assert.That(munmap, Is.Not.Null, $"{what}: the block has a mapping of its own (IS_MMAPPED), so free must munmap(p - 16 = 0x{block.ChunkStart:x}, {block.ChunkSize}); no such call was made (task 4). Calls made: {Describe(calls)}");
        Assert.That(munmap!.Length, Is.EqualTo(block.ChunkSize), $"{what}: munmap was given {munmap.Length} bytes; the block's mapping is {block.ChunkSize} bytes (its size word) (task 4)");
        Assert.That(Memory.FindMapping(block.ChunkStart), Is.Null, $"{what}: the block's mapping is still there after free (task 4)");
        if (CheckSyscallRules)
        {
            Assert.That(Break, Is.EqualTo(breakBefore), $"{what}: freeing a mapped block moved the program break (task 4)");
        }
    }

    private void CheckTail(string what)
    {
        var tail = FreeTail;
        Assert.That(tail, Is.LessThanOrEqualTo(Rules.MaxFreeTail), $"after {what} the end of the heap holds {tail} free bytes (break 0x{Break:x}); when more than 128 KiB is free at the end, free must give pages back with a negative sbrk, keeping a pad of at most 128 KiB (task 6)");
    }

    private void CheckNoOverlap(TrackedBlock block, string what)
    {
        foreach (var other in Neighbours(block.Pointer))
        {
            var owned = block.OwnedStart < other.OwnedEnd && other.OwnedStart < block.OwnedEnd;
            Assert.That(owned, Is.False, $"{what} returned 0x{block.Pointer:x}: its size word and bytes [0x{block.OwnedStart:x}, 0x{block.OwnedEnd:x}) overlap the block 0x{other.Pointer:x} of {other.Size} bytes still in use (made by {other.MadeBy})");
            if (!block.IsMapped && !other.IsMapped)
            {
                var chunks = block.ChunkStart < other.ChunkEnd && other.ChunkStart < block.ChunkEnd;
                Assert.That(chunks, Is.False, $"{what}: its chunk [0x{block.ChunkStart:x}, 0x{block.ChunkEnd:x}) (from p - 16 and the size word) overlaps the chunk [0x{other.ChunkStart:x}, 0x{other.ChunkEnd:x}) of a block still in use (made by {other.MadeBy}): the size word must describe the chunk truthfully");
            }
        }
    }

    // The held blocks just below and just above an address: held blocks never overlap, so these are the only candidates.
    private IEnumerable<TrackedBlock> Neighbours(ulong pointer)
    {
        var index = _sorted.BinarySearch(pointer);
        var above = index >= 0 ? index : ~index;
        for (var i = above - 1; i <= above; i++)
        {
            if (i >= 0 && i < _sorted.Count)
            {
                yield return _live[_sorted[i]];
            }
        }
    }

    private void Forget(ulong pointer)
    {
        _live.Remove(pointer);
        _sorted.RemoveAt(_sorted.BinarySearch(pointer));
    }

    // The touched block and its neighbours after every operation; everything, every so often (amortized: at most as
    // often as there are blocks held, so a program holding thousands of blocks stays fast).
    private void AfterOperation(TrackedBlock? touched, string what)
    {
        if (!CheckRules)
        {
            return;
        }

        if (touched is not null)
        {
            foreach (var block in Neighbours(touched.Pointer))
            {
                CheckHeader(block, $"after {what}");
            }

            CheckContents(touched, $"after {what},");
        }

        if (++_sinceFullCheck >= Math.Max(FullCheckInterval, _live.Count))
        {
            _sinceFullCheck = 0;
            CheckEverything($"after {what} (operation {_operations})");
        }
    }

    private void CheckHeader(TrackedBlock block, string when)
    {
        // PREV_INUSE (0x1) and NON_MAIN_ARENA (0x4) may change while a block is in use; the size and IS_MMAPPED may not.
        const ulong Stable = ~0x5UL;
        var now = Memory.ReadWord(block.Pointer - 8);
        Assert.That(now & Stable, Is.EqualTo(block.SizeWord & Stable), $"{when}: the size word of the block 0x{block.Pointer:x} (made by {block.MadeBy}) changed from 0x{block.SizeWord:x} to 0x{now:x} while the block is in use: something wrote over its header");
    }

    private void CheckContents(TrackedBlock block, string when)
    {
        var changed = FirstByteNotEqual(block.Pointer, block.Size, block.Fill);
        Assert.That(changed, Is.EqualTo(-1L), $"{when} byte {changed} of the block 0x{block.Pointer:x} ({block.Size} bytes, made by {block.MadeBy}) changed: the program wrote 0x{block.Fill:x2} there; another block, a header or a free-list link overlaps it");
    }

    // Big blocks are checked at both ends (where neighbours and headers would hit) and one word per page between:
    // reading every byte of megabytes after every operation would cost seconds and find nothing more.
    private long FirstByteNotEqual(ulong pointer, ulong length, byte value)
    {
        const ulong Edge = 4096;
        if (length <= 16 * Edge)
        {
            return FirstByteNotEqualIn(pointer, 0, length, value);
        }

        var head = FirstByteNotEqualIn(pointer, 0, Edge, value);
        if (head >= 0)
        {
            return head;
        }

        for (var offset = Edge; offset < length - Edge; offset += Edge)
        {
            var probe = FirstByteNotEqualIn(pointer, offset, 8, value);
            if (probe >= 0)
            {
                return probe;
            }
        }

        return FirstByteNotEqualIn(pointer, length - Edge, Edge, value);
    }

    private long FirstByteNotEqualIn(ulong pointer, ulong from, ulong length, byte value)
    {
        pointer += from;
        var buffer = new byte[Math.Min(length, 1UL << 16)];
        for (var done = 0UL; done < length;)
        {
            var run = (int)Math.Min(length - done, (ulong)buffer.Length);
            Memory.ReadBytes(pointer + done, buffer.AsSpan(0, run));
            var at = buffer.AsSpan(0, run).IndexOfAnyExcept(value);
            if (at >= 0)
            {
                return (long)(from + done) + at;
            }

            done += (ulong)run;
        }

        return -1;
    }

    private byte NextFill()
    {
        _nextFill = (byte)(_nextFill == 0xFF ? 0x11 : _nextFill + 1);
        return _nextFill;
    }

    // NULL means "cannot be served". This process has memory to spare, so an allocator that answers NULL to a request it
    // could serve is wrong, however tidy its heap looks afterwards.
    private void RequireServed(ulong pointer, ulong size, string what)
    {
        if (pointer == 0 && CheckRules && CheckSyscallRules && size <= Rules.ServedRequest)
        {
            Assert.Fail($"{what} returned NULL, but this process has memory to spare: NULL is only for requests that cannot be served (task 1)");
        }
    }

    private static string Describe(List<SyscallRecord> calls) => calls.Count == 0 ? "none" : string.Join("; ", calls);
}
