namespace MemKata.Grading.Worker.Protocol;

/// <summary>What the grader asks of one worker process, sent as the first JSON line on its standard input (never on the
/// command line or in the environment, where code under test could read it).</summary>
/// <param name="Kind">The job: one of <see cref="WorkerJobKinds"/>.</param>
/// <param name="Nonce">A fresh random token: the worker prefixes every result line with it, and the grader ignores any
/// standard-output line that does not carry it, so text printed by learner code is never read as a result.</param>
/// <param name="AssemblyPath">For <see cref="WorkerJobKinds.Test"/> and <see cref="WorkerJobKinds.Record"/>: the
/// compiled hidden suite to run.</param>
/// <param name="Exclude">For a test or record job: full names of tests not to run again (those that already reported,
/// and those that brought an earlier run down).</param>
/// <param name="Compile">For <see cref="WorkerJobKinds.Compile"/>: what every compile job of the session shares; the
/// jobs themselves follow, one <see cref="CompileJob"/> line each.</param>
/// <param name="Scenario">For <see cref="WorkerJobKinds.Scenario"/>: the scenario and the learner's component.</param>
/// <param name="Replay">For <see cref="WorkerJobKinds.Replay"/>: the trace and the learner's allocator.</param>
public sealed record WorkerRequest(
    string Kind,
    string Nonce,
    string? AssemblyPath = null,
    IReadOnlyList<string>? Exclude = null,
    CompileSetup? Compile = null,
    ScenarioRequest? Scenario = null,
    ReplayRequest? Replay = null);
