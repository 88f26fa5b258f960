using MemKata.Engine.Memory;
using MemKata.Engine.Performance;

namespace MemKata.Engine.Tests.Performance;

public class CountingProcessMemoryTests
{
    [Test]
    public void Accesses_bulk_bytes_system_calls_and_first_touches_are_counted()
    {
        var memory = new CountingProcessMemory(new SimulatedProcessMemory());
        var heap = memory.ProgramBreak;

        memory.Sbrk(3 * 4096);
        memory.WriteWord(heap, 1);
        _ = memory.ReadWord(heap + 8);
        memory.Fill(heap + 4096, 0, 8192);
        _ = memory.ProgramBreak;
        memory.Sbrk(0);

        Assert.That(memory.Work, Is.EqualTo(new WorkCounts(Accesses: 2, BulkBytes: 8192, Syscalls: 1, PageFaults: 3)));
        Assert.That(memory.Work.Cost, Is.EqualTo(2 + (8192 / 8) + 500 + 3000), "the cost model's weights: 1, 1 per 8 bytes, 500, 1000");
    }

    [Test]
    public void A_page_given_back_faults_again_when_touched_anew()
    {
        var memory = new CountingProcessMemory(new SimulatedProcessMemory());
        var mapping = memory.Mmap(2 * 4096);
        memory.WriteByte(mapping, 1);
        memory.WriteByte(mapping + 4096, 1);
        memory.Munmap(mapping, 2 * 4096);
        var again = memory.Mmap(2 * 4096);

        memory.WriteByte(again, 1);
        memory.WriteByte(again + 1, 1);

        Assert.That(memory.Work.PageFaults, Is.EqualTo(3));
        Assert.That(memory.Work.Syscalls, Is.EqualTo(3));
    }

    [Test]
    public void A_shrinking_sbrk_gives_back_the_pages_past_the_new_break_and_keeps_the_one_holding_it()
    {
        var memory = new CountingProcessMemory(new SimulatedProcessMemory());
        var heap = memory.ProgramBreak;
        memory.Sbrk(3 * 4096);
        memory.WriteByte(heap + 100, 1);
        memory.WriteByte(heap + 4096, 1);

        memory.Sbrk(-(2 * 4096) - 200);
        memory.Sbrk(4096);
        memory.WriteByte(heap + 101, 1);
        memory.WriteByte(heap + 4096, 1);

        Assert.That(memory.Work.PageFaults, Is.EqualTo(3), "page 0 holds the new break and stays; page 1 was given back and faults again");
    }
}
