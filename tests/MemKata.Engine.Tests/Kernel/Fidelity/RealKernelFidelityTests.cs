using System.Diagnostics;
using System.Globalization;
using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Kernel;

namespace MemKata.Engine.Tests.Kernel.Fidelity;

/// <summary>
/// The engine against the real kernel of this machine, measured at test time: oom_score of real processes, minor-fault
/// counts of simple touch patterns, and the largest single mapping overcommit mode 0 allows.
/// </summary>
[Category("Fidelity")]
[NonParallelizable]
public class RealKernelFidelityTests
{
    private const ulong Page = 4096;

    // Touches the given number of MiB (one write per page), sets its oom_score_adj, says "ready", then waits for stdin to close.
    private const string HoldProbe = """
        #include <stdio.h>
        #include <stdlib.h>
        #include <sys/mman.h>
        int main(int argc, char **argv) {
            long mib = atol(argv[1]);
            FILE *adj = fopen("/proc/self/oom_score_adj", "w");
            if (!adj || fprintf(adj, "%s", argv[2]) < 0 || fclose(adj) != 0) { printf("denied\n"); fflush(stdout); return 2; }
            size_t length = (size_t)mib << 20;
            volatile char *p = mmap(NULL, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (p == MAP_FAILED) { perror("mmap"); return 3; }
            for (size_t i = 0; i < length; i += 4096) p[i] = 1;
            printf("ready\n");
            fflush(stdout);
            while (getchar() != EOF) { }
            return 0;
        }
        """;

    // Runs one touch pattern on fresh mmap'd memory and prints the minor faults it took (getrusage before and after).
    private const string FaultProbe = """
        #include <stdio.h>
        #include <stdlib.h>
        #include <string.h>
        #include <sys/mman.h>
        #include <sys/resource.h>
        static long minflt(void) { struct rusage u; getrusage(RUSAGE_SELF, &u); return u.ru_minflt; }
        int main(int argc, char **argv) {
            size_t length = (size_t)atol(argv[2]);
            volatile char *p = mmap(NULL, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (p == MAP_FAILED) { perror("mmap"); return 3; }
            long sink = 0;
            int pattern = strcmp(argv[1], "write") == 0 ? 1 : strcmp(argv[1], "read") == 0 ? 2
                : strcmp(argv[1], "read-then-write") == 0 ? 3 : strcmp(argv[1], "write-twice") == 0 ? 4 : 0;
            long before = minflt();
            before = minflt();
            if (pattern == 1) { for (size_t i = 0; i < length; i += 4096) p[i] = 1; }
            else if (pattern == 2) { for (size_t i = 0; i < length; i += 4096) sink += p[i]; }
            else if (pattern == 3) {
                for (size_t i = 0; i < length; i += 4096) sink += p[i];
                for (size_t i = 0; i < length; i += 4096) p[i] = 1;
            }
            else if (pattern == 4) {
                for (size_t i = 0; i < length; i += 4096) p[i] = 1;
                for (size_t i = 0; i < length; i += 4096) p[i] = 2;
            }
            long after = minflt();
            printf("%ld\n", after - before + sink * 0);
            return 0;
        }
        """;

    // Runs one malloc pattern in a fresh process and prints the minor faults it took.
    private const string MallocProbe = """
        #include <stdio.h>
        #include <stdlib.h>
        #include <string.h>
        #include <sys/resource.h>
        static long minflt(void) { struct rusage u; getrusage(RUSAGE_SELF, &u); return u.ru_minflt; }
        int main(int argc, char **argv) {
            int pattern = strcmp(argv[1], "malloc1") == 0 ? 1 : strcmp(argv[1], "malloc200k") == 0 ? 2 : strcmp(argv[1], "calloc1m") == 0 ? 3 : 0;
            long before = minflt();
            before = minflt();
            if (pattern == 1) { volatile char *p = malloc(1); p[0] = 1; }
            else if (pattern == 2) { volatile char *p = malloc(200 * 1024); for (size_t i = 0; i < 200 * 1024; i += 4096) p[i] = 1; }
            else if (pattern == 3) { volatile char *p = calloc(1, 1 << 20); (void)p; }
            long after = minflt();
            printf("%ld\n", after - before);
            return 0;
        }
        """;

    // Tries one malloc of the given size and prints ok or fail.
    private const string LargestMallocProbe = """
        #include <stdio.h>
        #include <stdlib.h>
        int main(int argc, char **argv) {
            size_t size = (size_t)strtoull(argv[1], NULL, 10);
            printf("%s\n", malloc(size) ? "ok" : "fail");
            return 0;
        }
        """;

    // Tries one private writable mapping of the given size and prints ok or fail.
    private const string MmapProbe = """
        #include <stdio.h>
        #include <stdlib.h>
        #include <sys/mman.h>
        int main(int argc, char **argv) {
            size_t length = (size_t)strtoull(argv[1], NULL, 10);
            void *p = mmap(NULL, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            printf("%s\n", p == MAP_FAILED ? "fail" : "ok");
            return 0;
        }
        """;

    [TestCase(64, 0)]
    [TestCase(64, 500)]
    [TestCase(64, -500)]
    [TestCase(256, 0)]
    [TestCase(16, 1000)]
    [TestCase(128, 250)]
    [TestCase(32, 1)]
    [TestCase(16, -999)]
    [TestCase(16, -1000)]
    public void Oom_score_of_a_real_process_matches_the_engine_formula(int mib, int adj)
    {
        var exe = RealLinux.Compile("hold", HoldProbe);
        var info = new ProcessStartInfo(exe) { RedirectStandardInput = true, RedirectStandardOutput = true };
        info.ArgumentList.Add(mib.ToString(CultureInfo.InvariantCulture));
        info.ArgumentList.Add(adj.ToString(CultureInfo.InvariantCulture));
        using var child = Process.Start(info)!;
        try
        {
            var line = child.StandardOutput.ReadLine();
            if (line == "denied" && adj < 0)
            {
                Assert.Inconclusive("lowering oom_score_adj needs CAP_SYS_RESOURCE, which this sandbox does not grant; the value is covered by the hand-computed OomKillerTests");
            }

            Assert.That(line, Is.EqualTo("ready"), "the probe could not set up (its error went to the test's stderr)");
            var proc = $"/proc/{child.Id}";
            var rss = RealLinux.KilobytesField(proc + "/status", "VmRSS") / 4;
            var swap = RealLinux.KilobytesField(proc + "/status", "VmSwap") / 4;
            var pte = RealLinux.KilobytesField(proc + "/status", "VmPTE") / 4;
            var real = RealLinux.Number(proc + "/oom_score");
            var totalPages = (RealLinux.KilobytesField("/proc/meminfo", "MemTotal") + RealLinux.KilobytesField("/proc/meminfo", "SwapTotal")) / 4;

            var engine = OomBadness.OomScore(new OomCandidate(child.Id, "hold", rss, swap, pte, adj), totalPages);

            Assert.That(rss, Is.GreaterThanOrEqualTo((long)mib * 256), "the probe touched its memory");
            Assert.That(engine, Is.EqualTo(real), $"rss {rss} swap {swap} pte {pte} pages, adj {adj}, total {totalPages} pages");
        }
        finally
        {
            child.StandardInput.Close();
            child.WaitForExit();
        }
    }

    [TestCase("write", 200 * 1024)]
    [TestCase("write", 1024 * 1024)]
    [TestCase("write-twice", 64 * 1024)]
    [TestCase("read", 64 * 1024)]
    [TestCase("read-then-write", 64 * 1024)]
    [TestCase("none", 1024 * 1024)]
    public void Minor_faults_of_a_touch_pattern_match_the_real_kernel(string pattern, int length)
    {
        var exe = RealLinux.Compile("faults", FaultProbe);
        var (code, output) = RealLinux.Run(exe, [pattern, length.ToString(CultureInfo.InvariantCulture)]);
        Assert.That(code, Is.Zero, output);
        var real = long.Parse(output.Trim(), CultureInfo.InvariantCulture);

        var machine = new Machine(new MachineConfig { RamBytes = 64UL << 20 });
        var p = machine.Spawn("faults");
        var a = p.Memory.Mmap((ulong)length);
        var pages = (ulong)length / Page;
        var before = p.MinorFaults;
        for (var pass = 0; pass < (pattern is "write-twice" or "read-then-write" ? 2 : pattern == "none" ? 0 : 1); pass++)
        {
            var write = pattern == "write" || pattern == "write-twice" || (pattern == "read-then-write" && pass == 1);
            for (var i = 0UL; i < pages; i++)
            {
                if (write)
                {
                    p.Memory.WriteByte(a + (i * Page), 1);
                }
                else
                {
                    p.Memory.ReadByte(a + (i * Page));
                }
            }
        }

        Assert.That(p.MinorFaults - before, Is.EqualTo(real), $"pattern {pattern} over {length} bytes");
    }

    [TestCase("malloc1")]
    [TestCase("malloc200k")]
    [TestCase("calloc1m")]
    public void Minor_faults_of_a_malloc_pattern_match_the_real_kernel_and_glibc(string pattern)
    {
        var exe = RealLinux.Compile("malloc", MallocProbe);

        // Noise (a per-CPU counter, a stray page of the runtime) can only add faults: the least of a few runs is the pattern's.
        var real = Enumerable.Range(0, 5).Min(_ =>
        {
            var (code, output) = RealLinux.Run(exe, [pattern]);
            Assert.That(code, Is.Zero, output);
            return long.Parse(output.Trim(), CultureInfo.InvariantCulture);
        });

        var machine = new Machine(new MachineConfig { RamBytes = 64UL << 20 });
        var p = machine.Spawn("malloc", MemKata.Engine.Libc.GlibcMalloc.Factory);
        var malloc = p.Allocator!;
        var before = p.MinorFaults;
        switch (pattern)
        {
            case "malloc1":
                p.Memory.WriteByte(malloc.Malloc(1), 1);
                break;
            case "malloc200k":
                var block = malloc.Malloc(200 * 1024);
                for (var i = 0UL; i < 200 * 1024; i += Page)
                {
                    p.Memory.WriteByte(block + i, 1);
                }

                break;
            default:
                malloc.Calloc(1, 1 << 20);
                break;
        }

        Assert.That(p.MinorFaults - before, Is.EqualTo(real), $"pattern {pattern}: engine events:\n{machine.Events.Render()}");
    }

    [Test]
    public void The_largest_single_mapping_under_overcommit_0_matches_the_real_kernel()
    {
        if (RealLinux.Number("/proc/sys/vm/overcommit_memory") != 0)
        {
            Assert.Inconclusive("this check needs vm.overcommit_memory = 0 on the host");
        }

        var exe = RealLinux.Compile("mmap", MmapProbe);
        var memTotal = (ulong)RealLinux.KilobytesField("/proc/meminfo", "MemTotal") * 1024;
        var swapTotal = (ulong)RealLinux.KilobytesField("/proc/meminfo", "SwapTotal") * 1024;
        var machine = new Machine(new MachineConfig { RamBytes = memTotal, SwapBytes = swapTotal, Overcommit = OvercommitMode.Heuristic });
        var p = machine.Spawn("mmap");

        foreach (var length in new[] { memTotal + swapTotal, memTotal + swapTotal + Page, (memTotal + swapTotal) / 2 * 3 })
        {
            var real = RealLinux.Run(exe, [length.ToString(CultureInfo.InvariantCulture)]).Output.Trim();
            var address = p.Memory.Mmap(length);
            var engine = address == Syscall.Failed ? "fail" : "ok";
            if (address != Syscall.Failed)
            {
                p.Memory.Munmap(address, length);
            }

            Assert.That(engine, Is.EqualTo(real), $"mmap of {length} bytes with MemTotal {memTotal} and SwapTotal {swapTotal}");
        }
    }

    [Test]
    public void The_largest_single_malloc_is_ram_plus_swap_less_glibc_overhead_as_on_the_real_box()
    {
        if (RealLinux.Number("/proc/sys/vm/overcommit_memory") != 0)
        {
            Assert.Inconclusive("this check needs vm.overcommit_memory = 0 on the host");
        }

        // glibc serves a large request with its own mapping of request + 8 bytes of header, rounded up to 16 and then to
        // a page: the largest request whose mapping is exactly RAM + swap is RAM + swap - 24 bytes.
        var exe = RealLinux.Compile("largest", LargestMallocProbe);
        var limit = (ulong)(RealLinux.KilobytesField("/proc/meminfo", "MemTotal") + RealLinux.KilobytesField("/proc/meminfo", "SwapTotal")) * 1024;
        var machine = new Machine(new MachineConfig
        {
            RamBytes = (ulong)RealLinux.KilobytesField("/proc/meminfo", "MemTotal") * 1024,
            SwapBytes = (ulong)RealLinux.KilobytesField("/proc/meminfo", "SwapTotal") * 1024,
        });

        foreach (var size in new[] { limit - 24, limit - 23, limit })
        {
            var real = RealLinux.Run(exe, [size.ToString(CultureInfo.InvariantCulture)]).Output.Trim();
            var p = machine.Spawn("largest", MemKata.Engine.Libc.GlibcMalloc.Factory);
            var engine = p.Allocator!.Malloc(size) == Syscall.Null ? "fail" : "ok";
            machine.Exit(p);

            Assert.That(engine, Is.EqualTo(real), $"malloc({size}) with RAM + swap = {limit} bytes");
        }
    }
}
