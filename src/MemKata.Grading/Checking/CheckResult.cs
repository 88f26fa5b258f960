using MemKata.Grading.Model;

namespace MemKata.Grading.Checking;

/// <summary>What one <c>memkata check</c> run gave: the problems found before anything ran, then the public tests.</summary>
/// <param name="Slug">The exercise's slug.</param>
/// <param name="Problems">Missing files, compiler errors of the learner's files or of the public tests
/// (<c>file:line:col</c>, files named as in the exercise folder), the analyzers' findings and the image check's, errors
/// first kept in the order found; an error means the tests did not run.</param>
/// <param name="Tests">Every public test in run order, empty when they did not run.</param>
/// <param name="Notes">What the reader should know about the run: a test process that died and was resumed, a sandbox
/// layer this machine lacks.</param>
/// <param name="Failure">Why memkata itself could not check (a worker that cannot start: not the learner's code), or
/// null.</param>
/// <param name="Timings">Where the time went (<c>check --bench</c>).</param>
public sealed record CheckResult(
    string Slug,
    IReadOnlyList<SourceProblem> Problems,
    IReadOnlyList<CheckedTest> Tests,
    IReadOnlyList<string> Notes,
    string? Failure,
    CheckTimings Timings)
{
    /// <summary>True when the public tests ran: no error stopped them.</summary>
    public bool Ran => Failure is null && !Problems.Any(p => p.IsError);

    /// <summary>True when the tests ran, there was at least one and every one passed.</summary>
    public bool AllPassed => Ran && Tests.Count > 0 && Tests.All(t => t.Passed);
}
