namespace MemKata.Grading.Audit;

/// <summary>A mutant that does not change what the component does, so no test can kill it (an equivalent mutant, in
/// mutation testing's words), declared in a grader's <c>audit.json</c> and left out of the kill rate.</summary>
/// <param name="Mutant">The mutant's <see cref="Audit.Mutant.Id"/>, as <c>memkata graders audit SLUG --list</c> prints it.</param>
/// <param name="Reason">Why it changes nothing, for the next reader.</param>
public sealed record EquivalentMutant(string Mutant, string Reason);
