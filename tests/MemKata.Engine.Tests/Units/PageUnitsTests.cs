using MemKata.Engine.Units;

namespace MemKata.Engine.Tests.Units;

public class PageUnitsTests
{
    [Test]
    public void A_page_is_4_KiB_and_4_kB()
    {
        Assert.That(PageUnits.PageSize, Is.EqualTo(4096UL));
        Assert.That(PageUnits.KilobytesPerPage, Is.EqualTo(4));
        Assert.That(1UL << PageUnits.PageShift, Is.EqualTo(PageUnits.PageSize));
    }

    [Test]
    public void Pages_and_kilobytes_convert_both_ways_rounding_down()
    {
        Assert.That(PageUnits.PagesToKilobytes(1024), Is.EqualTo(4096));
        Assert.That(PageUnits.KilobytesToPages(4096), Is.EqualTo(1024UL));
        Assert.That(PageUnits.KilobytesToPages(7), Is.EqualTo(1UL), "7 kB is one whole page");
        Assert.That(PageUnits.BytesToKilobytes(4095), Is.EqualTo(3UL));
        Assert.That(PageUnits.BytesToPages(8191), Is.EqualTo(1UL));
        Assert.That(PageUnits.PagesToBytes(3), Is.EqualTo(12288UL));
    }
}
