using MemKata.Analyzers.Rules;
using MemKata.Analyzers.Tests.Infrastructure;

namespace MemKata.Analyzers.Tests.Rules;

public class KeepTheHeapInSimulatedMemoryAnalyzerTests
{
    private const string ManagedHeap = """
        using System.Collections.Generic;
        using MemKata.Contracts;

        class ArrayAllocator : IAllocator
        {
            private readonly byte[] [|_heap|] = new byte[1 << 20];
            private readonly Dictionary<ulong, ulong> [|_sizes|] = new();
            private List<ulong> [|FreeList|] { get; } = new();
            private ulong _next = 16;

            public ulong Malloc(ulong size)
            {
                var copy = [|new byte[size]|];
                _sizes[_next] = size;
                return _next += size;
            }

            public void Free(ulong pointer) => FreeList.Add(pointer);
            public ulong Realloc(ulong pointer, ulong size) => 0;
            public ulong Calloc(ulong count, ulong size) => 0;
        }
        """;

    [Test]
    public Task Reports_arrays_and_collections_holding_the_heap() =>
        ProjectBuilder.For<KeepTheHeapInSimulatedMemoryAnalyzer>().WithSourceCode(ManagedHeap).ValidateAsync();

    [Test]
    public Task Does_not_report_a_managed_heap_outside_learner_code() =>
        ProjectBuilder.For<KeepTheHeapInSimulatedMemoryAnalyzer>().AsNonLearnerCode().WithSourceCode(ManagedHeap)
            .ExpectingNoDiagnostics().ValidateAsync();

    [Test]
    public Task Does_not_report_an_allocator_that_keeps_its_heap_in_the_process_memory() =>
        ProjectBuilder.For<KeepTheHeapInSimulatedMemoryAnalyzer>()
            .WithSourceCode("""
                using MemKata.Contracts;

                class BumpAllocator(IProcessMemory memory) : IAllocator
                {
                    private static readonly ulong[] SizeClasses = [16, 32, 64, 128];
                    private readonly IProcessMemory _memory = memory;

                    public ulong Malloc(ulong size)
                    {
                        var scratch = new ulong[4];
                        var old = _memory.Sbrk((long)(size + 16));
                        if (old == Syscall.Failed) return Syscall.Null;
                        _memory.WriteWord(old + 8, size + 16);
                        return old + 16 + (ulong)scratch.Length * 0 + SizeClasses[0] * 0;
                    }

                    public void Free(ulong pointer) { }
                    public ulong Realloc(ulong pointer, ulong size) => 0;
                    public ulong Calloc(ulong count, ulong size) => 0;
                }
                """)
            .ValidateAsync();

    [Test]
    public Task Does_not_report_arrays_in_classes_that_are_not_allocators() =>
        ProjectBuilder.For<KeepTheHeapInSimulatedMemoryAnalyzer>()
            .WithSourceCode("""
                class Histogram
                {
                    private readonly long[] _buckets = new long[100_000];
                }
                """)
            .ValidateAsync();

    [Test]
    public Task Reports_a_heap_array_made_in_the_constructor_once_on_its_field() =>
        ProjectBuilder.For<KeepTheHeapInSimulatedMemoryAnalyzer>()
            .WithSourceCode("""
                using MemKata.Contracts;

                class ArrayAllocator : IAllocator
                {
                    private readonly byte[] [|_heap|];

                    public ArrayAllocator(ulong size) => _heap = new byte[size];

                    public ulong Malloc(ulong size) => 0;
                    public void Free(ulong pointer) { }
                    public ulong Realloc(ulong pointer, ulong size) => 0;
                    public ulong Calloc(ulong count, ulong size) => 0;
                }
                """)
            .ValidateAsync();

    [Test]
    public Task Does_not_report_a_small_table_of_bin_heads() =>
        ProjectBuilder.For<KeepTheHeapInSimulatedMemoryAnalyzer>()
            .WithSourceCode("""
                using MemKata.Contracts;

                class BinnedAllocator : IAllocator
                {
                    private const int BinCount = 10;
                    private readonly ulong[] _fastbins = new ulong[BinCount];
                    private readonly ulong[] _smallbins;

                    public BinnedAllocator() => _smallbins = new ulong[2 * BinCount];

                    public ulong Malloc(ulong size) => _fastbins[0] + _smallbins[0];
                    public void Free(ulong pointer) { }
                    public ulong Realloc(ulong pointer, ulong size) => 0;
                    public ulong Calloc(ulong count, ulong size) => 0;
                }
                """)
            .ValidateAsync();
}
