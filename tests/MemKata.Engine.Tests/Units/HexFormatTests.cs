using MemKata.Engine.Units;

namespace MemKata.Engine.Tests.Units;

public class HexFormatTests
{
    [TestCase(0UL, "0x0")]
    [TestCase(0x5555555592a0UL, "0x5555555592a0")]
    [TestCase(ulong.MaxValue, "0xffffffffffffffff")]
    public void An_address_is_written_as_C_prints_a_pointer(ulong value, string expected) =>
        Assert.That(HexFormat.Address(value), Is.EqualTo(expected));

    [Test]
    public void A_range_names_its_last_byte() =>
        Assert.That(HexFormat.Range(0x1000, 0x5000), Is.EqualTo("0x1000 .. 0x4fff"));
}
