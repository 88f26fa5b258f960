using MemKata.Cli.Tests.Support;
using MemKata.Grading.Layout;
using MemKata.Grading.Publishing;

namespace MemKata.Cli.Tests.Commands;

/// <summary><c>memkata replay TRACE --exercise DIR</c>: the learner's allocator in the sandboxed worker's replay job.
/// The reference solution keeps every rule and scores 100 beside itself; the stub stops at its first malloc with its
/// task; an allocator that breaks a rule is stopped at the operation that broke it; in a starter, the reference's
/// numbers come from the table publish wrote. Each test runs the worker (two to four worker processes), so there are
/// few.</summary>
public class ReplayExerciseTests
{
    private const string Trace = "realloc-growth.rep";

    [Test]
    public void The_reference_solution_keeps_every_rule_shows_its_heap_and_scores_100_beside_itself()
    {
        using var reference = new SubmissionFolder("Allocator.cs", MemKata.Grading.ReferenceSubmission.Source(
            MemKata.Grading.Layout.ExerciseLayout.Load(Repository.Root, "allocator"), 0));

        var result = Replay("--submission", reference.Path, "--show-heap", "3");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Stderr);
            Assert.That(result.Stderr, Is.Empty);
            Assert.That(result.StdoutLines[0], Does.StartWith("Replaying "));
            Assert.That(result.StdoutLines, Has.Member("#0  line 5  a 0 64"));
            Assert.That(result.StdoutLines, Has.Some.StartsWith("-- heap after operation 3: break at +0x"));
            Assert.That(result.StdoutLines, Has.Member("heap rules: kept on all 602 operations (16-byte alignment, a size word that covers the block and stays, no overlap, the program's bytes kept)"));
            Assert.That(result.Stdout, Does.Contain("score on this trace: 100.0 of 100"));
        });
    }

    [Test]
    public void In_a_starter_the_reference_numbers_come_from_the_table_publish_measured_and_the_page_draws_the_heap()
    {
        // A starter's exercise folder (the learner's manifest, no reference) with one trace and the table of the
        // reference's numbers that publish writes, measured here by the reference in the worker; an instructor's
        // folder with the same trace alone, for that measurement.
        var layout = ExerciseLayout.Load(Repository.Root, "allocator");
        using var instructor = new SubmissionFolder(Path.Combine(".meta", "config.json"), File.ReadAllText(Path.Combine(layout.ExerciseDirectory, ".meta", "config.json")));
        using var starter = new SubmissionFolder(LearnerExerciseConfig.FileName, LearnerExerciseConfig.ToJson(layout.Config));
        foreach (var folder in new[] { instructor.Path, starter.Path })
        {
            Directory.CreateDirectory(Path.Combine(folder, ReferenceTraceTable.TracesFolder));
            File.Copy(TracePath, Path.Combine(folder, ReferenceTraceTable.TracesFolder, Trace));
        }

        File.Copy(Path.Combine(layout.ExerciseDirectory, ".meta", "Example.cs"), Path.Combine(instructor.Path, ".meta", "Example.cs"));
        File.WriteAllText(ReferenceTraceTable.PathIn(starter.Path), ReferenceTraceTable.Measure(ExerciseLayout.FromExerciseDirectory(instructor.Path)));
        using var reference = new SubmissionFolder("Allocator.cs", MemKata.Grading.ReferenceSubmission.Source(layout, 0));
        var other = Path.Combine(reference.Path, "other.rep");
        File.WriteAllText(other, File.ReadAllText(TracePath) + "\n");

        var shipped = CliResult.Run(["replay", Path.Combine(starter.Path, ReferenceTraceTable.TracesFolder, Trace), "--exercise", starter.Path, "--submission", reference.Path]);
        var page = Path.Combine(reference.Path, "other.html");
        var changed = CliResult.Run(["replay", other, "--exercise", starter.Path, "--submission", reference.Path, "--format", "html", "--output", page]);
        var html = File.Exists(page) ? File.ReadAllText(page) : "";
        using var stub = new SubmissionFolder("Allocator.cs", File.ReadAllText(Path.Combine(layout.ExerciseDirectory, "Allocator.cs")));
        var stubbed = CliResult.Run(["replay", Path.Combine(starter.Path, ReferenceTraceTable.TracesFolder, Trace), "--exercise", starter.Path, "--submission", stub.Path]);

        Assert.Multiple(() =>
        {
            Assert.That(shipped.ExitCode, Is.EqualTo(ExitCodes.Success), shipped.Stderr);
            Assert.That(shipped.StdoutLines, Has.Some.Match(@"^\s+yours\s+reference$"));
            Assert.That(shipped.StdoutLines.Where(l => l.StartsWith("simulated cost", StringComparison.Ordinal)).Single(), Does.Match(@"^simulated cost\s+([\d,]+)\s+\1$"), "the reference's own numbers, beside its run now");
            Assert.That(shipped.StdoutLines, Has.Some.Match(@"^reference: measured when this starter was published \(.*reference\.tsv\)$"));
            Assert.That(shipped.Stdout, Does.Contain("score on this trace: 100.0 of 100"));
            Assert.That(changed.ExitCode, Is.EqualTo(ExitCodes.Success), changed.Stderr);
            Assert.That(changed.Stdout, Does.StartWith("memkata: wrote the report to "), "the page, not the text account");
            Assert.That(html, Does.Match(@"Score on this trace: not computed: the reference&#39;s numbers \(.*reference\.tsv\) are known for the traces this starter ships, and .*other\.rep is not one of them"));
            Assert.That(html, Does.Contain("Heap rules kept on all 602 operations").And.Contain("<g class=\"strip\">"), "the learner's heap, drawn from the worker's pictures");
            Assert.That(stubbed.ExitCode, Is.EqualTo(ExitCodes.Different));
            Assert.That(stubbed.StdoutLines, Has.Some.Match(@"^\s+yours\s+reference$"), "a learner who has just begun sees what to aim for");
            Assert.That(stubbed.Stdout, Does.Contain("score on this trace: 0 of 100"));
        });
    }

    [Test]
    public void The_stub_stops_at_its_first_malloc_with_its_task_and_no_stack_trace()
    {
        var result = Replay();

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Different));
            Assert.That(result.Stderr, Does.StartWith("memkata: your Allocator threw NotImplementedException in operation 0 (line 5: a 0 64): Task 1: "));
            Assert.That(result.Stderr, Does.Match(@"\n  at Allocator\.Malloc, Allocator\.cs:\d+\n"));
            Assert.That(result.Stderr, Does.Contain("  Task 1 (Headers and alignment) is not done yet: see .docs/instructions.md, task 1."));
            Assert.That(result.Stderr + result.Stdout, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(result.Stdout, Does.Contain("score on this trace: 0 of 100"));
        });
    }

    [Test]
    public void A_broken_rule_names_the_operation_its_line_and_the_rule()
    {
        // A bump allocator whose every block is 8 bytes off the 16-byte alignment.
        using var bump = new SubmissionFolder("Allocator.cs", """
            using MemKata.Contracts;
            public sealed class Allocator(IProcessMemory memory) : IAllocator
            {
                public ulong Malloc(ulong size)
                {
                    var p = memory.Sbrk((long)size + 32) + 24;
                    memory.WriteWord(p - 8, (size + 39) & ~15UL | 1);
                    return p;
                }

                public void Free(ulong pointer) { }
                public ulong Realloc(ulong pointer, ulong size) => Malloc(size);
                public ulong Calloc(ulong count, ulong size) => Malloc(count * size);
            }
            """);

        var result = Replay("--submission", bump.Path, "--format", "chunks");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Different));
            Assert.That(result.StdoutLines, Has.Length.EqualTo(1), "the one operation that ran, in the chunks format");
            Assert.That(result.Stderr, Does.Match(
                @"^memkata: your Allocator broke a heap rule at operation 'a 0 64' \(line 5\): the block at 0x[0-9a-f]+ is not 16-byte aligned\. "));
        });
    }

    private static string TracePath => Path.Combine(Repository.Exercise("allocator"), "traces", Trace);

    private static CliResult Replay(params string[] more) =>
        CliResult.Run(["replay", TracePath, "--exercise", Repository.Exercise("allocator"), .. more]);
}
