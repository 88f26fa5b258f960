using System.Text.Json;
using MemKata.Grading.Worker.Protocol;
using MemKata.Grading.Worker.Tests.Support;

namespace MemKata.Grading.Worker.Tests.Compiling;

/// <summary>A compile session in the worker process: it says it is ready after its warm-up, answers one line per job,
/// runs the analyzers only when asked, and ends with its standard input.</summary>
public sealed class CompileServiceTests
{
    private static CompileSetup Setup(bool analyzers) => new(
        "MemKata.Graders.Sample",
        [new SourceFile("graders/sample/Subject.cs", "extern alias learner;\ninternal static class Subject { public static object Create() => new learner::Widget(); }")],
        [],
        Suites.LearnerUsings,
        Suites.SuiteUsings,
        "Widget",
        analyzers);

    [TestCase(true)]
    [TestCase(false)]
    public void A_session_answers_each_job_and_runs_the_analyzers_when_asked(bool analyzers)
    {
        var forbidden = new CompileJob(7, [new SourceFile("Widget.cs", "public class Widget { public void Leave() => System.Environment.Exit(1); }")]);

        var events = WorkerRun.Run(
            new WorkerRequest(WorkerJobKinds.Compile, "N0NCE", Compile: Setup(analyzers)),
            JsonSerializer.Serialize(forbidden, WorkerJson.Options));

        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.Kind), Is.EqualTo(new[] { WorkerEventKinds.Ready, WorkerEventKinds.Compiled }));
            var result = events[1].Compiled!;
            Assert.That(result.Id, Is.EqualTo(7));
            Assert.That(result.SuiteImage, Is.Not.Null);
            Assert.That(result.Findings.Any(f => f.IsError && f.Id.StartsWith("MK", StringComparison.Ordinal)), Is.EqualTo(analyzers));
        });
    }
}
