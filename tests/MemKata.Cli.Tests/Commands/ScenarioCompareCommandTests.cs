using System.Globalization;
using MemKata.Cli.Tests.Support;
using MemKata.Scenarios;
using MemKata.Scenarios.Comparing;

namespace MemKata.Cli.Tests.Commands;

/// <summary><c>memkata scenario compare</c>: the reference solution against the reference (identical, exit 0), the stub
/// (stopped, with its task, exit 1), sample submissions that differ (exit 1, first difference), code that does not
/// compile and bad input (exit 2), a run that never ends (time-out). Expected lines come from running the reference.</summary>
public class ScenarioCompareCommandTests
{
    private const string FaultHandlerScenario = "05-full-machine-kswapd-then-direct-reclaim";
    private const string OomScoreAdjScenario = "09-oom-score-adj-changes-the-choice";

    [Test]
    public void The_reference_solution_against_the_reference_is_identical_and_exits_0()
    {
        using var reference = ReferenceSolution("fault-handler", "FaultHandler.cs");

        var result = Compare(FaultHandlerScenario, "fault-handler", "--submission", reference.Path, "--show", "lru", "--step", "2");

        var run = ComparedRun.Reference(BuiltInScenarios.Load(FaultHandlerScenario));
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Stderr);
            Assert.That(result.Stderr, Is.Empty);
            Assert.That(result.StdoutLines[1], Is.EqualTo(
                $"The two runs are identical: {run.Steps.Count} steps, {run.Machine.Events.Events.Count} kernel events, the same results."));
            Assert.That(result.StdoutLines, Has.Member("## The log of both runs"));
            Assert.That(result.StdoutLines, Has.Member("Verdict: identical to the reference."));
            Assert.That(result.StdoutLines, Has.Member("-- the reference's run, after step 2 --"));
            Assert.That(result.StdoutLines, Has.Member("-- your run, with your FaultHandler, after step 2 --"));
            Assert.That(result.StdoutLines.Count(l => l.StartsWith("  InactiveAnon ", StringComparison.Ordinal)), Is.EqualTo(2));
            foreach (var e in run.Machine.Events.Events)
            {
                Assert.That(result.StdoutLines, Has.Member($"  #{e.Sequence} pid {e.Pid} {e.Kind}: {e.Text}"));
            }
        });
    }

    // The built-ins where reclaim and the OOM killer run: the exercise's reference takes the same victims in the same
    // order as the engine's, down to the scan counts.
    [TestCase("05-full-machine-kswapd-then-direct-reclaim")]
    [TestCase("06-dirty-file-pages-are-written-back")]
    [TestCase("07-anonymous-pages-go-to-swap")]
    [TestCase(OomScoreAdjScenario)]
    public void The_reclaim_policy_reference_solution_is_identical_in_the_reclaim_scenarios(string scenario)
    {
        using var reference = ReferenceSolution("reclaim-policy", "ReclaimPolicy.cs");

        var result = Compare(scenario, "reclaim-policy", "--submission", reference.Path);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Stdout + result.Stderr);
            Assert.That(result.Stdout, Does.Contain("The two runs are identical"));
        });
    }

    [Test]
    public void The_fault_handler_stub_is_reported_as_not_implemented_with_its_task_and_no_stack_trace()
    {
        var result = Compare(FaultHandlerScenario, "fault-handler");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Different));
            Assert.That(result.Stderr, Is.Empty);
            Assert.That(result.Stdout, Does.Contain("Your run stopped in step 0, starting the processes"));
            Assert.That(result.Stdout, Does.Contain("  your FaultHandler threw NotImplementedException: Task 2: implement FirstTouchOfAnonymousMemory"));
            Assert.That(result.Stdout, Does.Match(@"\n  at FaultHandler\.FirstTouchOfAnonymousMemory, FaultHandler\.cs:\d+\n"));
            Assert.That(result.Stdout, Does.Contain("  Task 2 (Zero-fill anonymous memory on first touch) is not done yet: see .docs/instructions.md, task 2."));
            Assert.That(result.Stdout, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(result.Stdout, Does.Contain("## Side by side"));
            Assert.That(result.Stdout, Does.Not.Contain("## Unified diff"), "only with --full");
        });
    }

    [Test]
    public void The_side_by_side_is_a_window_that_fits_120_columns_with_event_numbers_aligned_and_full_shows_all()
    {
        var args = new[] { "--submission", Repository.Sample("reclaim-policy", "wrong-victim") };

        var window = Compare(OomScoreAdjScenario, "reclaim-policy", args);
        var full = Compare(OomScoreAdjScenario, "reclaim-policy", [.. args, "--full"]);

        var shown = SideBySideLines(window);
        var events = shown.Where(l => l.Length > 5 && l[1..5] == "   #").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(window.ExitCode, Is.EqualTo(ExitCodes.Different));
            Assert.That(shown, Has.Count.LessThanOrEqualTo(1 + 24 + 2), "the header, at most 24 rows, a line per gap");
            Assert.That(shown, Has.All.Length.LessThanOrEqualTo(120));
            Assert.That(shown, Has.Some.StartsWith("! step 6 "), "the first difference is shown");
            Assert.That(shown, Has.Some.StartsWith("!   #46 pid 3 OomKill: "), "so is the OOM kill, far below it");
            Assert.That(shown, Has.Some.Match(@"^  \.\.\. \d+ rows left out \.\.\.$"));
            Assert.That(events, Has.Count.GreaterThan(1));
            Assert.That(events.Select(l => l.IndexOf(" pid ", StringComparison.Ordinal)).Distinct().Count(), Is.EqualTo(1), "event texts start in one column");
            Assert.That(window.Stdout, Does.Contain(" not shown, ").And.Contain(": --full shows every line, uncut, and a unified diff)"));
            Assert.That(window.Stdout, Does.Not.Contain("## Unified diff"));
            Assert.That(SideBySideLines(full), Has.Count.GreaterThan(shown.Count));
            Assert.That(full.Stdout, Does.Contain("## Unified diff\n--- reference\n+++ yours\n@@ "));
            Assert.That(full.Stdout, Does.Not.Contain("--full shows"));
        });
    }

    [Test]
    public void The_reclaim_policy_stub_stops_at_the_first_reclaim_and_names_task_1()
    {
        var run = ComparedRun.Reference(BuiltInScenarios.Load(FaultHandlerScenario));
        var firstReclaim = run.Machine.Events.Events.First(e => e.Kind == MemKata.Engine.Kernel.KernelEventKind.Reclaim);
        var step = run.Steps.First(s => s.LastEvent >= firstReclaim.Sequence);

        var result = Compare(FaultHandlerScenario, "reclaim-policy");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Different));
            Assert.That(result.Stdout, Does.Contain(string.Create(CultureInfo.InvariantCulture,
                $"Your run stopped in step {step.Index} (line {step.Position.Line}) {step.Process}: {step.Action}, after event #{firstReclaim.Sequence - 1}:")));
            Assert.That(result.Stdout, Does.Contain("your ReclaimPolicy threw NotImplementedException: Task 1: implement Reclaim"));
            Assert.That(result.Stdout, Does.Contain("Task 1 (Scan the inactive lists from the tail, with a second chance) is not done yet"));
        });
    }

    [Test]
    public void The_allocator_stub_runs_as_every_process_s_malloc_and_stops_at_the_first_malloc()
    {
        var result = Compare("01-malloc-1-grows-the-heap", "allocator");

        var first = BuiltInScenarios.Load("01-malloc-1-grows-the-heap").Steps[0];
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Different));
            Assert.That(result.Stdout, Does.Contain($"Your run stopped in step 1 (line {first.Position.Line}) app: {ScenarioRunner.Describe(first)}"));
            Assert.That(result.Stdout, Does.Contain("your Allocator threw NotImplementedException: Task 1: implement Malloc"));
            Assert.That(result.Stdout, Does.Contain("Note: where an allocator places blocks"));
        });
    }

    [Test]
    public void A_sample_that_picks_the_wrong_oom_victim_differs_at_the_step_where_the_victims_part()
    {
        var reference = ComparedRun.Reference(BuiltInScenarios.Load(OomScoreAdjScenario)).Steps[5];

        var result = Compare(OomScoreAdjScenario, "reclaim-policy", "--submission", Repository.Sample("reclaim-policy", "wrong-victim"));

        var faults = $"  [{reference.MinorFaults} minor, {reference.MajorFaults} major faults]";
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Different));
            Assert.That(result.Stderr, Is.Empty);
            Assert.That(result.StdoutLines[2], Is.EqualTo($"First difference, in step 6 (line {reference.Position.Line}) worker: write data:"));
            Assert.That(result.StdoutLines[3], Is.EqualTo($"  reference  step 6 (line {reference.Position.Line}) worker: {reference.Action} -> {reference.Result}{faults}{Transcript.FreeFrames(reference)}"));
            Assert.That(result.StdoutLines[4], Does.StartWith($"  yours      step 6 (line {reference.Position.Line}) worker: write data -> killed: out of memory"));
            Assert.That(result.StdoutLines, Has.Member("Verdict: your run differs in required behaviour: a different OOM victim (or none), in step 6."));
        });
    }

    [Test]
    public void A_sample_without_the_zero_page_differs_on_a_scenario_file_that_reads_untouched_memory()
    {
        using var file = new TempScenarioFile(
            "name: read untouched memory\nmachine: { ram: 64 MiB, overcommit: 1 }\nsteps:\n  - malloc: 256 MiB\n    as: p\n  - touch: p\n    access: read\n");
        var reference = ComparedRun.Reference(ScenarioParser.Load(file.Path)).Steps[1];

        var result = Compare(file.Path, "fault-handler", "--submission", Repository.Sample("fault-handler", "no-cow"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Different));
            Assert.That(result.StdoutLines[2], Is.EqualTo("First difference, in step 2 (line 6) app: read p:"));
            Assert.That(result.StdoutLines[3], Does.StartWith($"  reference  step 2 (line 6) app: read p -> {reference.Result}"));
            Assert.That(result.StdoutLines[4], Does.StartWith("  yours      step 2 (line 6) app: read p -> killed: out of memory"));
            Assert.That(result.Stdout, Does.Contain("\n! step 2 (line 6) app: read p -> "));
        });
    }

    [Test]
    public void Show_faults_gives_the_learner_s_calls_so_a_missing_copy_on_write_is_seen_where_it_happens()
    {
        const string cow = "11-map-private-file-pages-are-copied-on-write";
        var lastWrite = ComparedRun.Reference(BuiltInScenarios.Load(cow)).Steps.Last(s => s.MinorFaults > 0).Index;

        var write = Compare(cow, "fault-handler", "--submission", Repository.Sample("fault-handler", "no-cow"), "--show", "faults", "--step", $"{lastWrite}");
        var all = Compare(cow, "fault-handler", "--submission", Repository.Sample("fault-handler", "no-cow"), "--show", "faults");

        var views = write.Stdout[write.Stdout.IndexOf("## The machine after each step", StringComparison.Ordinal)..];
        var yours = views.IndexOf("-- your run", StringComparison.Ordinal);
        var allViews = all.Stdout[all.Stdout.IndexOf("## The machine after each step", StringComparison.Ordinal)..];
        Assert.Multiple(() =>
        {
            Assert.That(write.ExitCode, Is.EqualTo(ExitCodes.Different));
            Assert.That(views[..yours], Does.Match(@"pid 1 write 0x[0-9a-f]+ \.\. 0x[0-9a-f]+: 16 faults, minor\n"), "the reference copies, calls not shown");
            Assert.That(views[yours..], Does.Contain("page faults in this step: none"), "the sample mapped the page writable at the read before");
            Assert.That(allViews, Does.Contain("pid 1 read ").And.Contain("FilePage: ReadFilePage (read from the file), MapPage rw\n"),
                "the learner's read of a private file page mapped the page cache's page writable");
            Assert.That(allViews, Does.Contain("the reference handler's calls are not shown"));
        });
    }

    [Test]
    public void A_handler_that_takes_a_frame_where_the_reference_maps_the_zero_page_differs_in_free_frames()
    {
        var reference = MemKata.Grading.ReferenceSubmission.Source(MemKata.Grading.Layout.ExerciseLayout.Load(Repository.Root, "fault-handler"), 0);
        const string zeroPage = "context.MapZeroPage(fault.PageAddress)";
        Assert.That(reference, Does.Contain(zeroPage), "the reference maps the zero page on a read");
        using var folder = new SubmissionFolder("FaultHandler.cs", reference.Replace(zeroPage,
            "context.MapPage(fault.PageAddress, context.AllocateFrame() ?? throw new InvalidOperationException(\"no frame\"), writable: true)", StringComparison.Ordinal));

        var result = Compare("04-untouched-memory-uses-no-ram", "fault-handler", "--submission", folder.Path);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Different));
            Assert.That(result.Stdout, Does.Contain("Verdict: your run differs in required behaviour: as many events, but a different number of free frames after the step"));
        });
    }

    [Test]
    public void The_text_report_is_the_same_on_every_run()
    {
        var args = new[] { "--submission", Repository.Sample("reclaim-policy", "wrong-victim") };

        var first = Compare(OomScoreAdjScenario, "reclaim-policy", args);
        var second = Compare(OomScoreAdjScenario, "reclaim-policy", args);

        Assert.That(second.Stdout, Is.EqualTo(first.Stdout));
    }

    [Test]
    public void Code_that_does_not_compile_gives_the_compiler_s_file_line_and_exit_2()
    {
        const string line5 = "    public FaultResult HandleFault(IFaultContext context, PageFault fault) => undefinedName;";
        using var broken = new SubmissionFolder("FaultHandler.cs",
            "using MemKata.Contracts.Kernel;\n\npublic sealed class FaultHandler : IPageFaultHandler\n{\n" + line5 + "\n}\n");
        var column = line5.IndexOf("undefinedName", StringComparison.Ordinal) + 1;

        var result = Compare(FaultHandlerScenario, "fault-handler", "--submission", broken.Path);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(result.Stderr, Does.StartWith("memkata: your code does not compile, so it cannot run (1 problem):\n"));
            Assert.That(result.Stderr, Does.Contain($"{Path.Combine(broken.Path, "FaultHandler.cs")}:5:{column}: error CS0103: The name 'undefinedName' does not exist"));
            Assert.That(result.Stderr, Does.Not.Contain("Exception"));
        });
    }

    [Test]
    public void A_component_that_is_missing_is_reported_with_exit_2()
    {
        using var renamed = new SubmissionFolder("FaultHandler.cs",
            "using MemKata.Contracts.Kernel;\n\npublic sealed class MyHandler : IPageFaultHandler\n{\n" +
            "    public FaultResult HandleFault(IFaultContext context, PageFault fault) => FaultResult.SegmentationFault(\"no\");\n}\n");

        var result = Compare(FaultHandlerScenario, "fault-handler", "--submission", renamed.Path);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
            Assert.That(result.Stderr, Does.Contain("error MKG003: there is no public class FaultHandler in your code"));
        });
    }

    [Test]
    public void An_unknown_scenario_name_is_exit_2_with_the_list_of_built_ins()
    {
        var result = Compare("99-no-such-scenario", "fault-handler");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(result.Stderr, Does.StartWith("memkata: no built-in scenario named '99-no-such-scenario'."));
            Assert.That(result.Stderr, Does.Contain(FaultHandlerScenario));
        });
    }

    [Test]
    public void A_folder_that_is_not_an_exercise_is_exit_2()
    {
        var result = CliResult.Run("scenario", "compare", FaultHandlerScenario, "--exercise", Path.Combine(Repository.Root, "docs"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
            Assert.That(result.Stderr, Does.Contain("is not an exercise folder: it has no .meta/config.json"));
        });
    }

    [Test]
    public void A_run_that_does_not_end_in_time_is_stopped_and_reported()
    {
        using var slow = new SubmissionFolder("FaultHandler.cs",
            "using MemKata.Contracts.Kernel;\n\npublic sealed class FaultHandler : IPageFaultHandler\n{\n" +
            "    public FaultResult HandleFault(IFaultContext context, PageFault fault)\n    {\n" +
            "        Thread.Sleep(4000);\n        throw new NotImplementedException(\"slept\");\n    }\n}\n");

        var result = Compare(FaultHandlerScenario, "fault-handler", "--submission", slow.Path, "--timeout", "0.3");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Different));
            Assert.That(result.Stdout, Does.Contain("Your run was stopped in step 0, starting the processes"));
            Assert.That(result.Stdout, Does.Contain("your run did not end within 0.3 s of computing (--timeout SECONDS)"));
            Assert.That(result.Stdout, Does.Not.Contain("## Side by side"));
        });
    }

    [Test]
    public void A_constructor_that_throws_is_where_the_run_stopped()
    {
        using var throwing = new SubmissionFolder("ReclaimPolicy.cs",
            "using MemKata.Contracts.Kernel;\n\npublic sealed class ReclaimPolicy : IReclaimPolicy\n{\n" +
            "    public ReclaimPolicy() => throw new InvalidOperationException(\"not today\");\n" +
            "    public void Reclaim(IReclaimContext context, ReclaimRequest request) { }\n" +
            "    public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages) => null;\n}\n");

        var result = Compare(OomScoreAdjScenario, "reclaim-policy", "--submission", throwing.Path);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Different));
            Assert.That(result.Stdout, Does.Contain("Your run stopped in the constructor, new ReclaimPolicy():\n  your ReclaimPolicy threw InvalidOperationException: not today\n  at ReclaimPolicy..ctor, ReclaimPolicy.cs:5\n"));
        });
    }

    [Test]
    public void The_help_shows_examples_and_exit_codes()
    {
        var result = CliResult.Run("scenario", "compare", "--help");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Stdout, Does.Contain("memkata scenario compare 05-full-machine-kswapd-then-direct-reclaim --exercise exercises/fault-handler"));
            Assert.That(result.Stdout, Does.Contain("  1    they differ in required behaviour, or your run stopped early"));
        });
    }

    // The lines of the "## Side by side" section: its column header and its rows.
    private static List<string> SideBySideLines(CliResult result) =>
        [.. result.StdoutLines.SkipWhile(l => !l.StartsWith("## Side by side", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.Length > 0 && !l.StartsWith('('))];

    private static CliResult Compare(string scenario, string slug, params string[] more) =>
        CliResult.Run(["scenario", "compare", scenario, "--exercise", Repository.Exercise(slug), "--format", "text", .. more]);

    private static SubmissionFolder ReferenceSolution(string slug, string solution) =>
        new(solution, MemKata.Grading.ReferenceSubmission.Source(MemKata.Grading.Layout.ExerciseLayout.Load(Repository.Root, slug), 0));
}
