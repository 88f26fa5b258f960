using MemKata.Contracts;
using MemKata.Engine.Kernel;
using static MemKata.Engine.Tests.Kernel.KernelTestMachines;

namespace MemKata.Engine.Tests.Kernel;

// Frames keep only a small working set of full page buffers (FrameContents); these tests touch more pages than that
// working set holds, so every page's buffer is compacted and brought back at least once, behind the TLB's back.
public class FrameStorageTests
{
    private const long ManyPages = 3 * FrameContents.MaxLiveFrames;

    [Test]
    public void Every_page_keeps_its_bytes_when_more_pages_are_touched_than_the_working_set_holds()
    {
        var machine = Small(ramPages: 4 * FrameContents.MaxLiveFrames);
        var p = machine.Spawn("p");
        var a = p.Memory.Mmap((ulong)ManyPages * Page);
        for (var i = 0UL; i < (ulong)ManyPages; i++)
        {
            p.Memory.WriteWord(a + (i * Page) + (i % 500 * 8), Pattern(i));
        }

        for (var i = 0UL; i < (ulong)ManyPages; i++)
        {
            Assert.That(p.Memory.ReadWord(a + (i * Page) + (i % 500 * 8)), Is.EqualTo(Pattern(i)), $"page {i}");
        }

        Assert.That(machine.Frames.Contents.LiveFrames, Is.LessThanOrEqualTo(FrameContents.MaxLiveFrames));
    }

    [Test]
    public void Pages_survive_swap_out_and_swap_in_in_compact_form()
    {
        var machine = Small(ramPages: FrameContents.MaxLiveFrames + 512, swapPages: 4 * FrameContents.MaxLiveFrames);
        var p = machine.Spawn("p");
        var a = p.Memory.Mmap((ulong)ManyPages * Page);
        for (var i = 0UL; i < (ulong)ManyPages; i++)
        {
            p.Memory.WriteWord(a + (i * Page) + 4088, Pattern(i));
        }

        Assert.That(machine.VmStat.PswpOut, Is.GreaterThan(FrameContents.MaxLiveFrames));
        for (var i = 0UL; i < (ulong)ManyPages; i++)
        {
            Assert.That(p.Memory.ReadWord(a + (i * Page) + 4088), Is.EqualTo(Pattern(i)), $"page {i}");
        }

        Assert.That(machine.VmStat.PswpIn, Is.GreaterThan(0));
    }

    [Test]
    public void A_copy_whose_destination_faults_and_reclaims_copies_the_source_bytes()
    {
        var machine = Small(ramPages: FrameContents.MaxLiveFrames + 256, swapPages: 8 * FrameContents.MaxLiveFrames);
        var p = machine.Spawn("p");
        const ulong pages = FrameContents.MaxLiveFrames;
        var source = p.Memory.Mmap(pages * Page);
        var destination = p.Memory.Mmap(pages * Page);
        for (var i = 0UL; i < pages * Page; i += 8)
        {
            p.Memory.WriteWord(source + i, Pattern(i));
        }

        p.Memory.Copy(destination + 3, source + 1, (pages * Page) - 8);

        Assert.That(machine.VmStat.PswpOut, Is.GreaterThan(0), "the copy ran under memory pressure");
        var expected = new byte[(pages * Page) - 8];
        var actual = new byte[expected.Length];
        p.Memory.ReadBytes(source + 1, expected);
        p.Memory.ReadBytes(destination + 3, actual);
        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void Shared_file_pages_written_beyond_the_working_set_reach_the_file()
    {
        var machine = Small(ramPages: 4 * FrameContents.MaxLiveFrames);
        var file = machine.CreateFile("data.bin", (ulong)ManyPages * Page);
        var writer = machine.Spawn("writer");
        var m = writer.Memory.MmapFile((ulong)ManyPages * Page, Protection.ReadWrite, "data.bin", 0, shared: true);
        for (var i = 0UL; i < (ulong)ManyPages; i++)
        {
            writer.Memory.WriteWord(m + (i * Page) + 16, Pattern(i));
        }

        machine.Exit(writer);
        var reader = machine.Spawn("reader");
        var r = reader.Memory.MmapFile((ulong)ManyPages * Page, Protection.Read, "data.bin", 0, shared: true);
        for (var i = 0UL; i < (ulong)ManyPages; i++)
        {
            Assert.That(reader.Memory.ReadWord(r + (i * Page) + 16), Is.EqualTo(Pattern(i)), $"page {i}");
        }

        Assert.That(file, Is.Not.Null);
    }

    [Test]
    public void Memory_held_for_page_contents_grows_with_the_bytes_written_not_with_the_pages_touched()
    {
        var machine = Small(ramPages: 8 * FrameContents.MaxLiveFrames);
        var p = machine.Spawn("p");
        const long pages = 6 * FrameContents.MaxLiveFrames;
        var a = p.Memory.Mmap((ulong)pages * Page);
        TouchForWrite(p, a, pages);

        var contents = machine.Frames.Contents;
        Assert.That(contents.LiveFrames, Is.EqualTo(FrameContents.MaxLiveFrames));
        Assert.That(contents.CompactBytes, Is.EqualTo(pages - FrameContents.MaxLiveFrames), "one byte per page not in the working set");
    }

    private static ulong Pattern(ulong i) => (i * 0x9E3779B97F4A7C15UL) | 1;
}
