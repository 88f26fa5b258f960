namespace MemKata.Grading.Audit;

/// <summary>One mutant's grading.</summary>
/// <param name="Mutant">The mutant.</param>
/// <param name="Outcome">Killed, survived, or not counted and why.</param>
/// <param name="Score">Its score as a percentage of the maximum; null when it was not graded (or did not compile).</param>
/// <param name="Diff">The change, as a one-hunk diff of the reference file (<see cref="Mutant.Diff"/>).</param>
/// <param name="Failed">The hidden tests it failed (short names), at most a few.</param>
/// <param name="Note">For a stillborn mutant the first compile problem, for an equivalent one the declared reason.</param>
public sealed record MutantResult(Mutant Mutant, MutantOutcome Outcome, double? Score, string Diff, IReadOnlyList<string> Failed, string? Note)
{
    /// <summary>Wall-clock time of its grading (compile and run); zero when it was not graded.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>True when a test of it crashed, timed out or did not run (a process death or a time limit), so part of
    /// its score was decided by the grading limits rather than by an assertion.</summary>
    public bool HitLimit { get; init; }
}
