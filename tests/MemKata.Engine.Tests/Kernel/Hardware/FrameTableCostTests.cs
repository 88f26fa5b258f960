using MemKata.Engine.Kernel;

namespace MemKata.Engine.Tests.Kernel.Hardware;

// Simulated RAM costs real memory only for the frames used: the size of RAM is a number, not an allocation.
public class FrameTableCostTests
{
    [Test]
    public void A_1_TiB_machine_that_touches_1_MiB_allocates_a_few_MiB_at_most()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var machine = new Machine(new MachineConfig { RamBytes = 1UL << 40, LoaderTouchesLibraryData = false });
        var p = machine.Spawn("small");
        var a = p.Memory.Mmap(1UL << 20);
        for (var offset = 0UL; offset < 1UL << 20; offset += 4096)
        {
            p.Memory.WriteByte(a + offset, 1);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        TestContext.Out.WriteLine($"{allocated >> 10} KiB allocated for a 1 TiB machine touching 1 MiB");
        Assert.That(p.MinorFaults, Is.EqualTo(256));
        Assert.That(machine.Frames.FreeFrames, Is.EqualTo((1L << 40) / 4096 - 256));
        Assert.That(allocated, Is.LessThan(16L << 20), "the frame table, free list and LRU lists must grow with frames used, not with RAM (1 TiB is 268 million frames)");
    }

    [Test]
    public void Freed_frames_are_taken_again_last_freed_first_then_the_lowest_never_used()
    {
        var frames = new FrameTable(8, 4096);
        var a = frames.TryTake()!.Value;
        var b = frames.TryTake()!.Value;
        var c = frames.TryTake()!.Value;
        frames.Release(a);
        frames.Release(c);

        Assert.That(new[] { a.Value, b.Value, c.Value }, Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(frames.TryTake()!.Value.Value, Is.EqualTo(2));
        Assert.That(frames.TryTake()!.Value.Value, Is.EqualTo(0));
        Assert.That(frames.TryTake()!.Value.Value, Is.EqualTo(3));
        Assert.That(frames.FreeFrames, Is.EqualTo(4));
    }

    [Test]
    public void A_verb_on_a_frame_in_the_wrong_state_fails_where_it_is()
    {
        var frames = new FrameTable(8, 4096);
        var f = frames.TryTake()!.Value;
        frames.MakeAnonymous(f, pid: 1, page: 0x555);

        Assert.That(() => frames.AddToPageCache(f, 0, 0), Throws.InvalidOperationException.With.Message.Contains("is Anonymous, not Allocated"));
        Assert.That(() => frames.MarkDirty(f), Throws.Nothing, "an anonymous page's dirtiness is in its page table; marking it is a no-op");
        Assert.That(frames.MappersOf(f), Is.EqualTo(new[] { (1, 0x555UL) }));
        frames.Release(f);
        Assert.That(() => frames.Release(f), Throws.InvalidOperationException.With.Message.Contains("already free"));
    }
}
