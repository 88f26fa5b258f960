namespace MemKata.Grading.Audit;

/// <summary>
/// What <c>memkata graders audit SLUG</c> found: every mutant graded (or set aside), and the kill rate, the share of
/// counted mutants (killed or survived) that scored below <see cref="SurvivingScore"/>. The goal of issue 10 §6 is a
/// kill rate of at least <see cref="Goal"/>.
/// </summary>
/// <param name="Slug">The exercise.</param>
/// <param name="Settings">The seed, cap and declared equivalents used.</param>
/// <param name="Generated">How many mutants the reference has in all (before the cap).</param>
/// <param name="ReferenceScore">The reference's own score, as a percentage (must be 100 for the audit to mean anything).</param>
/// <param name="Results">Each mutant graded or set aside, in the order of the reference's files.</param>
/// <param name="StaleEquivalents">Mutants <c>audit.json</c> declares equivalent that the reference no longer has.</param>
public sealed record AuditReport(
    string Slug,
    AuditSettings Settings,
    int Generated,
    double ReferenceScore,
    IReadOnlyList<MutantResult> Results,
    IReadOnlyList<string> StaleEquivalents)
{
    /// <summary>Wall-clock time of the whole audit: the reference, then every mutant.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Wall-clock time of the reference's own grading (the first, so with the compile worker's start).</summary>
    public TimeSpan ReferenceElapsed { get; init; }

    /// <summary>A mutant scoring this percentage or more survives.</summary>
    public const double SurvivingScore = 90;

    /// <summary>The share of counted mutants that must be killed.</summary>
    public const double Goal = 0.9;

    /// <summary>Mutants scoring below <see cref="SurvivingScore"/>.</summary>
    public int Killed => Count(MutantOutcome.Killed);

    /// <summary>Mutants scoring <see cref="SurvivingScore"/> or more.</summary>
    public int Survived => Count(MutantOutcome.Survived);

    /// <summary>Killed plus survived: the mutants the rate counts.</summary>
    public int Counted => Killed + Survived;

    /// <summary>Killed over counted (1 when nothing was counted).</summary>
    public double KillRate => Counted == 0 ? 1 : (double)Killed / Counted;

    /// <summary>Counted mutants that failed at least one hidden test (scored below 100): what a mutation tester calls
    /// killed. Above <see cref="Killed"/> when some test notices a mutant but its weight is too small to matter.</summary>
    public int Detected => Results.Count(r => r.Outcome is MutantOutcome.Killed or MutantOutcome.Survived && r.Score < 100);

    /// <summary>True when <see cref="KillRate"/> reaches <see cref="Goal"/> and the reference scored 100.</summary>
    public bool GoalMet => KillRate >= Goal && ReferenceScore >= 100;

    /// <summary>How many results ended as <paramref name="outcome"/>.</summary>
    public int Count(MutantOutcome outcome) => Results.Count(r => r.Outcome == outcome);
}
