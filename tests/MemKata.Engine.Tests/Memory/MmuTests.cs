using MemKata.Contracts;
using MemKata.Engine.Memory;

namespace MemKata.Engine.Tests.Memory;

// The MMU's fast path (a tag compare per slot, the addend of the page's buffer) must give the same bytes as the slow
// path in every case the tag compare sends elsewhere: pages that share a slot, words that are unaligned or cross a page,
// a page read from the zero page before its first write, a page unmapped while cached.
public class MmuTests
{
    private const ulong Page = 4096;

    // Pages this many pages apart use the same TLB slot.
    private const ulong SlotStride = Mmu.TlbEntries * Page;

    [Test]
    public void Pages_that_share_a_TLB_slot_keep_their_own_words()
    {
        var memory = new SimulatedProcessMemory();
        var first = memory.Mmap(SlotStride + Page);
        var second = first + SlotStride;

        for (var i = 0UL; i < 4; i++)
        {
            memory.WriteWord(first + (8 * i), 100 + i);
            memory.WriteWord(second + (8 * i), 200 + i);
        }

        for (var i = 0UL; i < 4; i++)
        {
            Assert.That(memory.ReadWord(first + (8 * i)), Is.EqualTo(100 + i));
            Assert.That(memory.ReadWord(second + (8 * i)), Is.EqualTo(200 + i));
        }
    }

    [Test]
    public void A_word_across_a_page_boundary_is_written_and_read_whole()
    {
        var memory = new SimulatedProcessMemory();
        var start = memory.Mmap(2 * Page);
        var across = start + Page - 3;

        memory.WriteWord(across, 0x0807_0605_0403_0201);

        Assert.That(memory.ReadWord(across), Is.EqualTo(0x0807_0605_0403_0201UL));
        Assert.That(memory.ReadByte(start + Page - 1), Is.EqualTo(0x03), "the third byte is the first page's last");
        Assert.That(memory.ReadByte(start + Page), Is.EqualTo(0x04), "the fourth byte is the second page's first");
    }

    [Test]
    public void An_unaligned_word_inside_a_page_is_the_bytes_at_its_address()
    {
        var memory = new SimulatedProcessMemory();
        var start = memory.Mmap(Page);
        memory.WriteWord(start + 8, 0x1111_1111_1111_1111);

        memory.WriteWord(start + 3, 0xaabb_ccdd_eeff_0011);

        Assert.That(memory.ReadWord(start + 3), Is.EqualTo(0xaabb_ccdd_eeff_0011UL));
        Assert.That(memory.ReadWord(start + 8), Is.EqualTo(0x1111_1111_11aa_bbccUL), "bytes 8..10 were overwritten");
    }

    [Test]
    public void A_page_read_before_its_first_write_then_shows_the_write()
    {
        var memory = new SimulatedProcessMemory();
        var start = memory.Mmap(Page);
        Assert.That(memory.ReadWord(start + 16), Is.Zero, "served by the zero page");

        memory.WriteWord(start + 16, 42);

        Assert.That(memory.ReadWord(start + 16), Is.EqualTo(42UL));
    }

    [Test]
    public void Unmapping_a_cached_page_leaves_the_page_that_shares_its_slot()
    {
        var memory = new SimulatedProcessMemory();
        var first = memory.Mmap(SlotStride + Page);
        var second = first + SlotStride;
        memory.WriteWord(first, 1);
        memory.WriteWord(second, 2);
        memory.ReadWord(second);

        Assert.That(memory.Munmap(second, Page), Is.Zero);

        Assert.That(() => memory.ReadWord(second), Throws.TypeOf<SegmentationFaultException>());
        Assert.That(memory.ReadWord(first), Is.EqualTo(1UL));
    }
}
