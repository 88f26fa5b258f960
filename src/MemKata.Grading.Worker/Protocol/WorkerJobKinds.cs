namespace MemKata.Grading.Worker.Protocol;

/// <summary>The values of <see cref="WorkerRequest.Kind"/>: what one worker process does.</summary>
public static class WorkerJobKinds
{
    /// <summary>A compile session: Roslyn compiles each submission that follows on standard input (the learner's files
    /// alone, the analyzers, then the hidden suite against them) and answers with the images. Runs no learner code.</summary>
    public const string Compile = "compile";

    /// <summary>Runs a compiled hidden suite and streams one result per test.</summary>
    public const string Test = "test";

    /// <summary>As <see cref="Test"/>, with the suite's snapshot checks recording what they see instead of comparing
    /// (<c>memkata snapshots update</c>, on the reference only): the texts come back with the results.</summary>
    public const string Record = "record";

    /// <summary>As <see cref="Test"/>, on an exercise's public tests (<c>memkata check</c>): the job folder, which also
    /// holds the exercise's data files (its <c>traces/</c>), is the current folder, so a test finds them beside its own
    /// source file as it does under <c>dotnet test</c>.</summary>
    public const string Check = "check";

    /// <summary>Runs a scenario with the learner's component in place of its reference and streams the run's
    /// transcript, one line per step or kernel event (<c>memkata scenario compare</c>).</summary>
    public const string Scenario = "scenario";

    /// <summary>Replays a trace with the learner's allocator, checking the heap rules and measuring it, and streams one
    /// record per operation (<c>memkata replay TRACE --exercise DIR</c>).</summary>
    public const string Replay = "replay";
}
