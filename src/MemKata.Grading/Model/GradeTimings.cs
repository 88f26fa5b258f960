namespace MemKata.Grading.Model;

/// <summary>
/// Where one grading's wall-clock time went, phase by phase, in pipeline order (docs/GRADING.md, "Speed"). What
/// <c>grade --bench</c> prints; no score or rule depends on it. The test worker is started before the compile job, so
/// its own start (the runtime, the worker's JIT) overlaps <see cref="Compile"/> and shows in
/// <see cref="TestLoad"/> only where it lasts longer than the compile.
/// </summary>
/// <param name="Collect">Collecting the learner's files (the similarity check runs beside the later phases).</param>
/// <param name="Compile">The compile job's round trip; in a cold grading, the compile worker's start (Roslyn's JIT and
/// warm-up compile) too.</param>
/// <param name="ImageCheck">The learner image's metadata against the allowlist.</param>
/// <param name="TestLoad">From the test request written to the first line back: the rest of the test worker's start,
/// loading the suite and NUnit's discovery.</param>
/// <param name="Tests">From the discovered tests to the run's end: every test, with the JIT of what each first
/// calls.</param>
/// <param name="TestsOwn">Of <see cref="Tests"/>, the time NUnit measured inside the tests themselves.</param>
/// <param name="TestExit">From the run's end to the worker's whole tree gone.</param>
/// <param name="Score">Scoring and the report, after the worker is gone.</param>
/// <param name="CompileCpu">The CPU time the compile worker spent on the job (its start included when cold).</param>
/// <param name="TestCpu">The CPU time of the test workers, from their start (what a loaded machine changes least).</param>
public sealed record GradeTimings(
    TimeSpan Collect,
    TimeSpan Compile,
    TimeSpan ImageCheck,
    TimeSpan TestLoad,
    TimeSpan Tests,
    TimeSpan TestsOwn,
    TimeSpan TestExit,
    TimeSpan Score,
    TimeSpan CompileCpu,
    TimeSpan TestCpu);
