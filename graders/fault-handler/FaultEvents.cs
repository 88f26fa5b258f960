using System.Globalization;
using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Kernel;
using MemKata.Scenarios;

namespace MemKata.Graders.FaultHandler;

/// <summary>Runs the learner's handler (or the reference) through a scenario and keeps the observable fault events.</summary>
internal static class FaultEvents
{
    /// <summary>The built-in scenarios the snapshots cover: zero page and first writes, the page cache and writeback,
    /// swap, and the OOM killer; plus <see cref="MixedProgram"/>, which touches every kind of mapping.</summary>
    public static readonly string[] BuiltIns =
    [
        "04-untouched-memory-uses-no-ram",
        "06-dirty-file-pages-are-written-back",
        "07-anonymous-pages-go-to-swap",
        "08-oom-killer-picks-the-biggest",
    ];

    public const string MixedProgram = "every-kind-of-mapping";

    public static IReadOnlyList<string> Record(string scenario, IPageFaultHandler handler)
    {
        // The handler is guarded (Subject): what it throws, the stub's NotImplementedException included, fails the test
        // even where a scenario would catch it.
        var machine = scenario == MixedProgram ? RunMixedProgram(handler) : ScenarioRunner.Run(BuiltInScenarios.Load(scenario), handler).Machine;
        return Observable(machine);
    }

    /// <summary>The events a learner's handler decides: faults and their kinds, SIGSEGVs (without the reason, which is
    /// the learner's wording), kills. The kernel logs a run of faults on consecutive pages as one event, and a reclaim
    /// event in between splits a run; reclaim timing is not the handler's business, so the runs are joined again here.</summary>
    public static IReadOnlyList<string> Observable(Machine machine)
    {
        var lines = new List<string>();
        Run? run = null;
        foreach (var e in machine.Events.Events)
        {
            if (e.Kind is KernelEventKind.MinorFault or KernelEventKind.MajorFault && Run.Parse(e) is { } next)
            {
                if (run is not null && run.Pid == next.Pid && run.Kind == next.Kind && run.Verb == next.Verb && run.End == next.Start)
                {
                    run = run with { End = next.End, Pages = run.Pages + next.Pages };
                    continue;
                }

                Flush();
                run = next;
            }
            else if (e.Kind is KernelEventKind.SegmentationFault or KernelEventKind.OomKill)
            {
                Flush();
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"pid {e.Pid} {e.Kind}: {(e.Kind == KernelEventKind.SegmentationFault ? e.Text.Split(':')[0] : e.Text)}"));
            }
        }

        Flush();
        return lines;

        void Flush()
        {
            if (run is not null)
            {
                lines.Add(run.ToString());
                run = null;
            }
        }
    }

    /// <summary>A small machine, two processes, every kind of area: anonymous reads then writes (zero page, copy on
    /// write), a shared file written by one and read by the other, a private file read then written, then enough memory
    /// to push pages to swap and read them back. Returns the machine as the program left it.</summary>
    public static Machine RunMixedProgram(IPageFaultHandler handler)
    {
        const ulong page = MachineConfig.PageSize;
        var machine = new Machine(
            new MachineConfig { RamBytes = 1024 * page, SwapBytes = 2048 * page, Overcommit = OvercommitMode.Always, LoaderTouchesLibraryData = false },
            handler);
        machine.CreateFile("shared.dat", 16 * page);
        machine.CreateFile("lib.so", 16 * page);
        var a = machine.Spawn("a");
        var b = machine.Spawn("b");

        var anon = a.Memory.Mmap(16 * page);
        Touch(a, anon, 8, write: false);
        Touch(a, anon, 16, write: true);

        var sa = a.Memory.MmapFile(16 * page, Protection.ReadWrite, "shared.dat", 0, shared: true);
        var sb = b.Memory.MmapFile(8 * page, Protection.Read, "shared.dat", 8 * page, shared: true);
        Touch(a, sa, 12, write: true);
        Touch(b, sb, 8, write: false);

        var pa = a.Memory.MmapFile(16 * page, Protection.ReadWrite, "lib.so", 0, shared: false);
        var pb = b.Memory.MmapFile(16 * page, Protection.ReadWrite, "lib.so", 0, shared: false);
        Touch(a, pa, 16, write: false);
        Touch(a, pa, 8, write: true);
        Touch(b, pb + (4 * page), 8, write: true);

        var big = b.Memory.Mmap(1400 * page);
        Touch(b, big, 1400, write: true);
        Touch(a, anon, 16, write: false);
        Touch(b, big, 64, write: false);
        return machine;

        static void Touch(SimProcess p, ulong address, int pages, bool write)
        {
            for (var i = 0UL; i < (ulong)pages; i++)
            {
                if (write)
                {
                    p.Memory.WriteByte(address + (i * page), 1);
                }
                else
                {
                    _ = p.Memory.ReadByte(address + (i * page));
                }
            }
        }
    }

    // One fault event: "write 0x1000" or "write 0x1000 .. 0x2fff, 2 pages"; End is one past the last byte.
    private sealed record Run(int Pid, KernelEventKind Kind, string Verb, ulong Start, ulong End, long Pages)
    {
        public static Run? Parse(KernelEvent e)
        {
            var parts = e.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || !TryHex(parts[1], out var start))
            {
                return null;
            }

            if (parts.Length >= 5 && parts[2] == ".." && TryHex(parts[3].TrimEnd(','), out var last) && long.TryParse(parts[4], CultureInfo.InvariantCulture, out var pages))
            {
                return new Run(e.Pid, e.Kind, parts[0], start, last + 1, pages);
            }

            return new Run(e.Pid, e.Kind, parts[0], start, start + MachineConfig.PageSize, 1);
        }

        public override string ToString() => Pages == 1
            ? string.Create(CultureInfo.InvariantCulture, $"pid {Pid} {Kind}: {Verb} 0x{Start:x}")
            : string.Create(CultureInfo.InvariantCulture, $"pid {Pid} {Kind}: {Verb} 0x{Start:x} .. 0x{End - 1:x}, {Pages} pages");

        private static bool TryHex(string text, out ulong value) =>
            ulong.TryParse(text.StartsWith("0x", StringComparison.Ordinal) ? text[2..] : "?", NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value);
    }
}
