namespace MemKata.Grading.Audit;

/// <summary>How one mutant fared against the hidden suite.</summary>
public enum MutantOutcome
{
    /// <summary>It scored below <see cref="AuditReport.SurvivingScore"/>: the suite tells it from the reference.</summary>
    Killed,

    /// <summary>It scored <see cref="AuditReport.SurvivingScore"/> or more: a wrong solution the suite lets pass.</summary>
    Survived,

    /// <summary>It did not compile (or the analyzers refused it): not a solution anyone could submit; not counted.</summary>
    Stillborn,

    /// <summary>Declared equivalent in <c>audit.json</c> (it changes nothing): not graded, not counted.</summary>
    Equivalent,

    /// <summary>Declared allowed in <c>audit.json</c> (its behaviour is a choice the instructions leave to the learner):
    /// not graded, not counted.</summary>
    Allowed,

    /// <summary>The grader itself failed on it: not counted, and worth a look.</summary>
    GraderError,
}
