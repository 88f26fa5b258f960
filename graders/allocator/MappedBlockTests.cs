using MemKata.Contracts.Kernel;
using MemKata.Engine.Memory;
using MemKata.Testing;

namespace MemKata.Graders.Allocator;

// Task 4: a request whose chunk size reaches 128 KiB gets a private anonymous mapping of its own, IS_MMAPPED set, the
// mapping's length in the size word; free munmaps exactly it; none of it touches the break.
public class MappedBlockTests
{
    [TestCase(131032UL)]
    [TestCase(131040UL)]
    [TestCase(131047UL)]
    [TestCase(131048UL)]
    [TestCase(131049UL)]
    [TestCase(131056UL)]
    [TestCase(131072UL)]
    [Task(4)]
    public void The_threshold_is_a_chunk_size_of_128_KiB_fresh_or_not(ulong size)
    {
        var fresh = new GradedProcess();
        var used = new GradedProcess();
        used.Malloc(1);

        // GradedProcess checks the placement: mapped exactly when the chunk size (size + 8 rounded up to 16) reaches 131072.
        Assert.That(fresh.Malloc(size), Is.Not.Zero, $"malloc({size}) in a fresh process returned NULL");
        Assert.That(used.Malloc(size), Is.Not.Zero, $"malloc({size}) after malloc(1) returned NULL");
    }

    [TestCase(131049UL)]
    [TestCase(135152UL)]
    [TestCase(135153UL)]
    [TestCase(200000UL)]
    [TestCase(1UL << 20)]
    [TestCase((1UL << 20) + 1)]
    [TestCase(10UL << 20)]
    [Task(4)]
    public void A_big_block_gets_one_mapping_of_the_rule_length_and_leaves_the_break_alone(ulong size)
    {
        var process = new GradedProcess();
        process.Malloc(100);
        var calls = process.SyscallsSoFar;

        var p = process.Malloc(size);

        var made = process.CallsSince(calls).ToList();
        Assert.That(made.Count(c => c.Kind == SyscallKind.Mmap), Is.EqualTo(1), $"malloc({size}) must make exactly one mmap call; it made: {string.Join("; ", made)}");
        Assert.That(process.Memory.FindMapping(p - 16)!.Length, Is.EqualTo(Rules.MappingLengthFor(size)));
    }

    [Test]
    [Task(4)]
    public void Free_unmaps_exactly_the_blocks_own_mapping()
    {
        var process = new GradedProcess();
        var heap = process.Malloc(5000);
        var big = Enumerable.Range(1, 6).Select(i => process.Malloc((ulong)i * 150000)).ToList();
        var anonymous = process.Memory.Mappings.Count(m => m.Kind == VmaKind.Anonymous);

        process.Free(big[2]);
        process.Free(big[5]);

        Assert.That(process.Memory.Mappings.Count(m => m.Kind == VmaKind.Anonymous), Is.EqualTo(anonymous - 2), "freeing two mapped blocks must remove exactly their two mappings");
        process.CheckEverything("after freeing two of six mapped blocks");
        Assert.That(heap, Is.Not.Zero);
    }

    [Test]
    [Task(4)]
    public void Freeing_every_big_block_leaves_no_mapping_behind()
    {
        var process = new GradedProcess();
        var baseline = process.Memory.Mappings.Count(m => m.Kind == VmaKind.Anonymous);

        for (var size = 0UL; size <= 1UL << 20; size += 32771)
        {
            process.Malloc(size);
        }

        process.FreeAll(process.Live.Select(b => b.Pointer).OrderBy(p => (p * 2654435761UL) % 977));

        Assert.That(process.Memory.Mappings.Count(m => m.Kind == VmaKind.Anonymous), Is.EqualTo(baseline), "mappings remain after every block was freed: a mapped block's free must munmap it");
    }

    [TestCase(1UL << 62)]
    [TestCase((1UL << 63) - 1)]
    [TestCase(1UL << 63)]
    [TestCase(ulong.MaxValue)]
    [TestCase(ulong.MaxValue - 15)]
    [Task(4)]
    public void An_impossible_request_returns_null_and_changes_nothing(ulong size)
    {
        var process = new GradedProcess();
        process.Malloc(100);
        var breakBefore = process.Break;
        var mappings = process.Memory.Mappings.Count;

        var p = process.Malloc(size);

        Assert.That(p, Is.Zero, $"malloc({size}) cannot be served (over PTRDIFF_MAX, or no room for the mapping): it must return NULL");
        Assert.That(process.Break, Is.EqualTo(breakBefore), $"malloc({size}) moved the break although it failed");
        Assert.That(process.Memory.Mappings.Count, Is.EqualTo(mappings), $"malloc({size}) left a mapping behind although it failed");
    }

    [TestCase(7UL)]
    [TestCase(8UL)]
    [Task(4)]
    public void Random_programs_mixing_heap_and_mapped_blocks_keep_every_block_intact(ulong seed)
    {
        var process = new GradedProcess();

        ProgramRunner.Run(process, RandomPrograms.Generate(RandomPrograms.Profile.Mixed, seed, 1200, slots: 80));
    }
}
