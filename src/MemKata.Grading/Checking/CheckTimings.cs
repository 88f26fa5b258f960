namespace MemKata.Grading.Checking;

/// <summary>
/// Where one <c>memkata check</c> run's wall-clock time went, in pipeline order: what <c>check --bench</c> prints
/// (docs/PERFORMANCE.md, "The learner loop"); nothing the command prints otherwise depends on it.
/// </summary>
/// <param name="Collect">Reading the learner's files and the public tests.</param>
/// <param name="Compile">The compile job's round trip: the learner's files, the analyzers, the image check and (when
/// their surface is new to the session) the public tests; in a cold run the compile worker's start too.</param>
/// <param name="Tests">From the compiled images to the test worker's tree gone: its request, loading the tests, running
/// them.</param>
/// <param name="Total">The whole run, from its start to its result.</param>
/// <param name="CompileCpu">The CPU time the compile worker spent on the job (its start included when cold).</param>
/// <param name="TestCpu">The CPU time of the test workers, from their start (a warm run's worker started before it).</param>
/// <param name="Cold">True when the run started the compile worker (the first run, or the public tests changed).</param>
public sealed record CheckTimings(
    TimeSpan Collect,
    TimeSpan Compile,
    TimeSpan Tests,
    TimeSpan Total,
    TimeSpan CompileCpu,
    TimeSpan TestCpu,
    bool Cold);
