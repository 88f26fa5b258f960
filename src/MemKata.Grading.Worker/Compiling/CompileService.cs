using System.Text.Json;
using MemKata.Grading.Worker.Protocol;
using MemKata.Grading.Worker.Testing;

namespace MemKata.Grading.Worker.Compiling;

/// <summary>
/// The compile job: a session that compiles one submission per line of standard input (<see cref="CompileJob"/>) and
/// answers each with one <see cref="WorkerEventKinds.Compiled"/> line, until standard input ends. The hidden suite is
/// parsed once per session and compiled once per learner surface (SubmissionCompiler.EmitSuite), so a warm session
/// compiles a submission in a fraction of a second. It runs Roslyn and the
/// analyzers on learner code, never the code itself; the grader bounds each job in time and memory from outside (a
/// compile-time bomb ends as "your code took too long to compile").
/// </summary>
internal static class CompileService
{
    /// <summary>The problem id of a submission whose compilation needed more memory than the compile job may use.</summary>
    public const string TooBigId = "MKG004";

    // Compiled once before the session says it is ready, so that Roslyn's and the analyzers' start-up (JIT) is not
    // charged to the first submission's time limit.
    private const string WarmUp = "public static class WarmUp { public static int Twice(int x) => x * 2; }";

    /// <summary>Serves the session of <paramref name="request"/>; returns the process's exit code.</summary>
    public static int Serve(WorkerRequest request, TextReader input, ResultChannel channel)
    {
        if (request.Compile is not { } setup)
        {
            channel.Send(new WorkerEvent(WorkerEventKinds.Error, Message: "a compile request needs its setup"));
            return 2;
        }

        var compiler = new SubmissionCompiler(setup);
        Compile(compiler, new CompileJob(0, [new SourceFile("WarmUp.cs", WarmUp)]), setup.RunAnalyzers);
        channel.Send(new WorkerEvent(WorkerEventKinds.Ready));
        while (input.ReadLine() is { } line)
        {
            var job = JsonSerializer.Deserialize<CompileJob>(line, WorkerJson.Options);
            if (job is null)
            {
                channel.Send(new WorkerEvent(WorkerEventKinds.Error, Message: "expected one compile job per line"));
                return 2;
            }

            channel.Send(new WorkerEvent(WorkerEventKinds.Compiled, Compiled: Compile(compiler, job, setup.RunAnalyzers)));
        }

        return 0;
    }

    /// <summary>Compiles one submission: the learner's files alone, the analyzers on them, the learner's image, then the
    /// hidden suite against it.</summary>
    public static CompileResult Compile(SubmissionCompiler compiler, CompileJob job, bool runAnalyzers)
    {
        ArgumentNullException.ThrowIfNull(compiler);
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            var learner = compiler.CompileLearner(job.Files);
            var findings = runAnalyzers ? AnalyzerCheck.Check(learner, compiler.LearnerTrees(learner), CancellationToken.None) : [];
            var (image, errors) = SubmissionCompiler.EmitLearner(learner);
            if (image is null)
            {
                return new CompileResult(job.Id, null, null, errors, findings);
            }

            var (suite, suiteErrors) = compiler.EmitSuite(learner, image);
            return new CompileResult(job.Id, image, suite, suiteErrors, findings);
        }
        catch (OutOfMemoryException)
        {
            return new CompileResult(job.Id, null, null,
                [new CompileProblem(null, null, null, TooBigId, "your code needs more memory to compile than the grader allows: " +
                    "is something in it generated without bound (deeply nested generics, a huge constant expression)?", true)], []);
        }
    }
}
