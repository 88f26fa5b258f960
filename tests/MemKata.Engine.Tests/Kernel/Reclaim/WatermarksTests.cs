using MemKata.Engine.Kernel;

namespace MemKata.Engine.Tests.Kernel;

// Expected values worked out by hand from Linux 6.x mm/page_alloc.c:
//   min_free_kbytes = clamp(int_sqrt(lowmem_kbytes * 16), 128, 262144)
//   min  = min_free_kbytes / 4 (pages; one zone holds all of it)
//   gap  = max(min / 4, managed_pages * watermark_scale_factor / 10000)   (scale factor 10 by default)
//   low  = min + gap, high = min + 2 * gap
public class WatermarksTests
{
    // 4 GiB: sqrt(4194304 * 16) = 8192 kB -> min 2048 pages; gap = max(512, 1048576 * 10 / 10000 = 1048) = 1048.
    [TestCase(4UL << 30, 8192UL, 2048, 3096, 4144)]
    // 1 GiB: sqrt(1048576 * 16) = 4096 kB -> min 1024; gap = max(256, 262144 * 10 / 10000 = 262) = 262.
    [TestCase(1UL << 30, 4096UL, 1024, 1286, 1548)]
    // 16 MiB: sqrt(16384 * 16) = 512 kB -> min 128; gap = max(32, 4096 * 10 / 10000 = 4) = 32.
    [TestCase(16UL << 20, 512UL, 128, 160, 192)]
    // 64 GiB: sqrt(67108864 * 16) = 32768 kB -> min 8192; gap = max(2048, 16777216 * 10 / 10000 = 16777) = 16777.
    [TestCase(64UL << 30, 32768UL, 8192, 24969, 41746)]
    // 512 KiB: sqrt(512 * 16) = 90 kB, clamped up to 128 kB -> min 32; gap = max(8, 0) = 8.
    [TestCase(512UL << 10, 128UL, 32, 40, 48)]
    public void Watermarks_follow_the_linux_formula(ulong ram, ulong minFreeKbytes, long min, long low, long high)
    {
        var marks = Watermarks.For(new MachineConfig { RamBytes = ram });

        Assert.That(marks, Is.EqualTo(new Watermarks(minFreeKbytes, min, low, high)));
    }

    [Test]
    public void Min_free_kbytes_is_capped_at_256_MiB_on_huge_machines()
    {
        // 8 TiB of lowmem: sqrt(8589934592 * 16) = 370727 kB, above the 262144 kB cap.
        Assert.That(Watermarks.DefaultMinFreeKbytes(8UL << 30), Is.EqualTo(262144UL));
    }

    [Test]
    public void I386_derives_min_free_kbytes_from_lowmem_only()
    {
        // 4 GiB on i386: only 896 MiB is lowmem: sqrt(917504 * 16) = 3831 kB.
        var marks = Watermarks.For(new MachineConfig { RamBytes = 4UL << 30, Architecture = ArchitectureProfile.I386 });

        Assert.That(marks.MinFreeKbytes, Is.EqualTo(3831UL));
    }

    [Test]
    public void An_explicit_min_free_kbytes_wins()
    {
        var marks = Watermarks.For(new MachineConfig { RamBytes = 4UL << 30, MinFreeKbytes = 67584 });

        Assert.That(marks.Min, Is.EqualTo(16896));
        Assert.That(marks.Low, Is.EqualTo(16896 + 4224));
    }

    [Test]
    public void Integer_square_root_is_exact()
    {
        Assert.That(Watermarks.IntegerSquareRoot(15), Is.EqualTo(3UL));
        Assert.That(Watermarks.IntegerSquareRoot(16), Is.EqualTo(4UL));
        Assert.That(Watermarks.IntegerSquareRoot(ulong.MaxValue), Is.EqualTo(4294967295UL));
    }
}
