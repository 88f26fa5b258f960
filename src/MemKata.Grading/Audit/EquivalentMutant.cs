namespace MemKata.Grading.Audit;

/// <summary>A mutant declared in a grader's <c>audit.json</c> and left out of the kill rate, with why. Two kinds:
/// <c>"equivalent"</c> (the default), a mutant that cannot change what the component does, so no test can kill it (an
/// equivalent mutant, in mutation testing's words); and <c>"allowed"</c>, a mutant whose behaviour changes only within
/// what the exercise's instructions leave to the learner ("Your choice"): a correct solution, which no hidden test
/// may fail. The audit reports both counts, and the rate it would be if the allowed ones were counted as survivors.</summary>
/// <param name="Mutant">The mutant's <see cref="Audit.Mutant.Id"/>, as <c>memkata graders audit SLUG --list</c> prints it.</param>
/// <param name="Reason">Why it changes nothing (equivalent), or which choice of the instructions it makes (allowed).</param>
/// <param name="Kind"><c>"equivalent"</c> (or null) or <c>"allowed"</c>.</param>
public sealed record EquivalentMutant(string Mutant, string Reason, string? Kind = null)
{
    /// <summary>The <see cref="Kind"/> of a mutant that behaves as the instructions allow.</summary>
    public const string AllowedKind = "allowed";

    /// <summary>The <see cref="Kind"/> of a mutant that cannot change behaviour (the default).</summary>
    public const string EquivalentKind = "equivalent";

    /// <summary>True for an <c>"allowed"</c> declaration.</summary>
    public bool IsAllowed => Kind == AllowedKind;
}
