using MemKata.Grading.Comparing;
using MemKata.Grading.Layout;
using MemKata.Grading.Steps;
using MemKata.Grading.Tests.Support;
using MemKata.Scenarios;
using MemKata.Scenarios.Comparing;

namespace MemKata.Grading.Tests.Comparing;

/// <summary><see cref="LearnerScenario"/>: <c>scenario compare</c>'s learner side runs in the grading worker, never in
/// memkata: a component's exception, a run that never ends and a process the learner ends are each an answer, and
/// this process goes on.</summary>
public sealed class LearnerScenarioTests
{
    private const string Builtin = "05-full-machine-kswapd-then-direct-reclaim";

    private static string FaultHandlerExercise => Path.Combine(TestData.RealRepository, "exercises", "fault-handler");

    private static ExerciseLayout Layout => ExerciseLayout.FromExerciseDirectory(FaultHandlerExercise);

    private static Scenario Scenario => BuiltInScenarios.Load(Builtin);

    [Test]
    public void The_stub_runs_in_the_worker_and_stops_at_the_task_it_names()
    {
        var result = Run(FaultHandlerExercise, TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(result.Problems, Is.Empty);
            Assert.That(result.Transcript, Is.Not.Null.And.Not.Empty);
            Assert.That(result.Stop!.What, Does.StartWith("your FaultHandler threw NotImplementedException: Task 2:"));
            Assert.That(result.Stop.Task, Is.EqualTo(2));
            Assert.That(result.Stop.Source, Does.Contain("FaultHandler.cs:"));
        });
    }

    [Test]
    public void The_reference_under_the_learners_name_gives_the_references_transcript()
    {
        var reference = File.ReadAllText(Path.Combine(TestData.RealRepository, "src", "MemKata.Engine", "Reference", "ReferencePageFaultHandler.cs"))
            .Replace("namespace MemKata.Engine.Reference;", "", StringComparison.Ordinal)
            .Replace("class ReferencePageFaultHandler", "class FaultHandler", StringComparison.Ordinal);

        var result = WithFile("FaultHandler.cs", reference, folder => Run(folder, TimeSpan.FromSeconds(30)));

        Assert.Multiple(() =>
        {
            Assert.That(result.Stop, Is.Null);
            Assert.That(result.Transcript, Is.EqualTo(Transcript.Of(ComparedRun.Reference(Scenario), "")));
        });
    }

    [Test]
    public void A_missing_file_and_a_compile_error_are_problems_not_exceptions()
    {
        var missing = WithFile(null, null, folder => Run(folder, TimeSpan.FromSeconds(30)));
        var broken = WithFile("FaultHandler.cs", "public sealed class FaultHandler {\n  int X => y;\n}\n", folder => Run(folder, TimeSpan.FromSeconds(30)));

        Assert.Multiple(() =>
        {
            Assert.That(missing.DidNotRun && missing.Problems.Single().Id == SubmissionFiles.MissingFileId, missing.Problems.FirstOrDefault()?.ToString());
            Assert.That(broken.Problems.Single().ToString(), Does.StartWith("FaultHandler.cs:2:12: error CS0103"));
        });
    }

    [Test]
    public void A_component_that_is_not_one_is_refused_with_the_reason()
    {
        var result = WithFile("FaultHandler.cs", "public sealed class FaultHandler { }\n", folder => Run(folder, TimeSpan.FromSeconds(30)));

        Assert.That(result.Problems.Single().Message, Does.Contain("implements none of IAllocator, IPageFaultHandler and IReclaimPolicy"));
    }

    [Test]
    public void A_run_that_never_ends_is_stopped_at_its_time_limit()
    {
        var result = WithFile("FaultHandler.cs", Handler("while (fault.Address != 1) { }"), folder => Run(folder, TimeSpan.FromSeconds(1)));

        Assert.Multiple(() =>
        {
            Assert.That(result.Stop!.TimedOut, Is.True);
            Assert.That(result.Stop.What, Does.StartWith("your run did not end within 1 s of computing"));
            Assert.That(result.Transcript, Is.Null);
        });
    }

    [Test]
    public void A_component_that_ends_the_process_ends_only_the_worker()
    {
        var result = WithFile("FaultHandler.cs", Handler("System.Environment.Exit(42);"), folder => Run(folder, TimeSpan.FromSeconds(30)));

        Assert.That(result.Stop!.What, Does.StartWith("your run ended the process: the test process exited early with code 42"));
    }

    private static string Handler(string body) =>
        "using MemKata.Contracts.Kernel;\n" +
        "public sealed class FaultHandler : IPageFaultHandler\n{\n" +
        "    public FaultResult HandleFault(IFaultContext context, PageFault fault)\n    {\n" +
        $"        {body}\n        return FaultResult.Minor;\n    }}\n}}\n";

    private static LearnerScenarioResult Run(string folder, TimeSpan timeout) =>
        LearnerScenario.Run(Layout, folder, Scenario, BuiltInScenarios.Text(Builtin), BuiltInScenarios.FileName(Builtin), timeout);

    private static LearnerScenarioResult WithFile(string? name, string? text, Func<string, LearnerScenarioResult> run)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"memkata-learner-scenario-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            if (name is not null)
            {
                File.WriteAllText(Path.Combine(folder, name), text);
            }

            return run(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
