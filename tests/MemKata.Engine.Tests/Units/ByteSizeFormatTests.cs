using MemKata.Engine.Units;

namespace MemKata.Engine.Tests.Units;

public class ByteSizeFormatTests
{
    [TestCase(0UL, "0 B")]
    [TestCase(1023UL, "1023 B")]
    [TestCase(1024UL, "1 KiB")]
    [TestCase(135168UL, "132 KiB")]
    [TestCase(200_000UL, "195.3 KiB")]
    [TestCase(3UL << 19, "1.5 MiB")]
    [TestCase(100_561_715UL, "95.9 MiB")]
    [TestCase(4UL << 30, "4 GiB")]
    [TestCase(1UL << 40, "1024 GiB")]
    public void Scaled_stops_at_GiB_by_default_with_one_decimal_when_not_exact(ulong bytes, string expected) =>
        Assert.That(ByteSizeFormat.Scaled(bytes), Is.EqualTo(expected));

    [TestCase(4UL << 30, "4096 MiB")]
    [TestCase(3UL << 29, "1536 MiB")]
    [TestCase(1UL << 40, "1 TiB")]
    public void Scaled_never_uses_a_unit_above_the_largest_asked(ulong bytes, string expected)
    {
        var largest = bytes == 1UL << 40 ? ByteUnit.TiB : ByteUnit.MiB;

        Assert.That(ByteSizeFormat.Scaled(bytes, largest), Is.EqualTo(expected));
    }

    [TestCase(0UL, "0 B")]
    [TestCase(4096UL, "4 KiB")]
    [TestCase(4097UL, "4097 B")]
    [TestCase(1536UL, "1536 B")]
    [TestCase(8UL << 30, "8 GiB")]
    [TestCase(3UL << 40, "3 TiB")]
    public void Exact_uses_the_largest_unit_that_divides(ulong bytes, string expected) =>
        Assert.That(ByteSizeFormat.Exact(bytes), Is.EqualTo(expected));

    [TestCase(1UL, "1 byte")]
    [TestCase(100UL, "100 bytes")]
    [TestCase(135168UL, "135168 bytes (132 KiB)")]
    [TestCase(4UL << 30, "4294967296 bytes (4096 MiB)")]
    public void Counted_gives_the_exact_count_and_the_size_beside_it(ulong bytes, string expected) =>
        Assert.That(ByteSizeFormat.Counted(bytes), Is.EqualTo(expected));
}
