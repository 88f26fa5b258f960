using MemKata.Oracle.Traces;

namespace MemKata.Oracle.Tests.Traces;

public class DeterministicRandomTests
{
    [Test]
    public void Seed_0_gives_the_reference_xoshiro256starstar_sequence_seeded_by_SplitMix64()
    {
        // SplitMix64(0) fills the state with e220a8397b1dcdaf, 6e789e6aa1b965f4, 06c45d188009454f, f88bb8a8724c81ec;
        // these are the first outputs of the reference xoshiro256** from that state.
        var random = new DeterministicRandom(0);

        Assert.That(random.NextUInt64(), Is.EqualTo(0x99ec5f36cb75f2b4UL));
        Assert.That(random.NextUInt64(), Is.EqualTo(0xbf6e1f784956452aUL));
        Assert.That(random.NextUInt64(), Is.EqualTo(0x1a5f849d4933e6e0UL));
    }

    [Test]
    public void NextInRange_stays_in_range_and_reaches_both_ends()
    {
        var random = new DeterministicRandom(7);
        var seen = new HashSet<ulong>();
        for (var i = 0; i < 1000; i++)
        {
            var value = random.NextInRange(3, 9);
            Assert.That(value, Is.InRange(3UL, 9UL));
            seen.Add(value);
        }

        Assert.That(seen, Has.Count.EqualTo(7));
    }

    [Test]
    public void NextInRange_over_the_whole_range_does_not_overflow()
    {
        var random = new DeterministicRandom(1);

        Assert.DoesNotThrow(() => random.NextInRange(0, ulong.MaxValue));
    }

    [Test]
    public void Chance_0_never_and_100_always()
    {
        var random = new DeterministicRandom(3);
        for (var i = 0; i < 100; i++)
        {
            Assert.That(random.Chance(0), Is.False);
            Assert.That(random.Chance(100), Is.True);
        }
    }
}
