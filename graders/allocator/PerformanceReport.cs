using System.Globalization;
using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Libc;
using MemKata.Engine.Memory;
using MemKata.Testing;

namespace MemKata.Graders.Allocator;

// Reported, not scored (task 7 weighs 0 in grader.json): malloclab's utilization (peak payload / peak memory obtained
// from the kernel) and a machine-independent cost (counted simulated work), for the learner's allocator next to glibc's
// on the same programs. glibc is measured by what both share: system calls and pages touched.
[Category("Report")]
public class PerformanceReport
{
    [Test]
    [Task(7)]
    public void Utilization_and_cost_next_to_glibc()
    {
        var lines = new List<string>
        {
            "program       allocator  utilization  syscalls  pages touched  accesses (cost)",
        };
        foreach (var (name, program) in Programs())
        {
            var counted = default(CountingProcessMemory);
            var yours = Measure(program, memory => Subject.Create(counted = new CountingProcessMemory(memory)));
            var glibc = Measure(program, memory => new GlibcMalloc(memory));
            lines.Add(Row(name, "yours", yours, counted!.Cost.ToString("N0", CultureInfo.InvariantCulture)));
            lines.Add(Row(name, "glibc", glibc, "-"));
        }

        TestContext.Out.WriteLine(string.Join(Environment.NewLine, lines));
    }

    private static IEnumerable<(string Name, IReadOnlyList<GraderOperation> Program)> Programs()
    {
        yield return ("small-401", RandomPrograms.Generate(RandomPrograms.Profile.Small, 401, 3000, slots: 400));
        yield return ("mixed-402", RandomPrograms.Generate(RandomPrograms.Profile.Mixed, 402, 1500, slots: 60));
        yield return ("realloc-403", RandomPrograms.Generate(RandomPrograms.Profile.Realloc, 403, 1500, slots: 60));
    }

    private static string Row(string name, string who, Measurement m, string cost) => string.Create(
        CultureInfo.InvariantCulture,
        $"{name,-13} {who,-9}  {m.Utilization,10:P1}  {m.Syscalls,8}  {m.PagesTouched,13}  {cost,15}");

    // Replays the program as malloclab's driver does and follows the peaks: payload held, and memory obtained from the
    // kernel (heap bytes plus the lengths of anonymous mappings).
    private static Measurement Measure(IReadOnlyList<GraderOperation> program, Func<SimulatedProcessMemory, IAllocator> create)
    {
        var backing = new DemandZeroPageBacking(4096);
        var memory = new SimulatedProcessMemory(backing: backing);
        var allocator = create(memory);
        var slots = new Dictionary<int, (ulong Pointer, ulong Size)>();
        ulong payload = 0, peakPayload = 0, peakMemory = 0;
        foreach (var op in program)
        {
            var (held, heldSize) = slots.GetValueOrDefault(op.Id);
            var size = op.Kind == GraderOperationKind.Calloc ? op.Size * op.Count : op.Size;
            var result = op.Kind switch
            {
                GraderOperationKind.Malloc => allocator.Malloc(size),
                GraderOperationKind.Calloc => allocator.Calloc(op.Count, op.Size),
                GraderOperationKind.Realloc => allocator.Realloc(held, size),
                _ => FreeAndNull(allocator, held),
            };

            if (op.Kind == GraderOperationKind.Free || result != 0 || (op.Kind == GraderOperationKind.Realloc && size == 0))
            {
                payload -= heldSize;
                slots[op.Id] = (result, result == 0 ? 0 : size);
                payload += result == 0 ? 0 : size;
            }

            peakPayload = Math.Max(peakPayload, payload);
            var obtained = memory.ProgramBreak - memory.HeapStart + memory.Mappings.Where(m => m.Kind == VmaKind.Anonymous).Aggregate(0UL, (sum, m) => sum + m.Length);
            peakMemory = Math.Max(peakMemory, obtained);
        }

        return new Measurement(peakMemory == 0 ? 0 : (double)peakPayload / peakMemory, memory.SyscallCount, backing.PagesMaterialized);
    }

    private static ulong FreeAndNull(IAllocator allocator, ulong pointer)
    {
        allocator.Free(pointer);
        return 0;
    }

    private readonly record struct Measurement(double Utilization, long Syscalls, long PagesTouched);
}
