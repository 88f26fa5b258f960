namespace MemKata.Grading.Model;

/// <summary>How far grading got.</summary>
public enum GradeOutcome
{
    /// <summary>The hidden tests ran (some may have crashed or timed out); the score is theirs.</summary>
    Graded,

    /// <summary>The submission did not compile (or a declared file is missing): score 0, compiler errors reported.</summary>
    CompileError,

    /// <summary>A preflight check (the analyzers) refused to run the submission: score 0, findings reported.</summary>
    Rejected,

    /// <summary>The grader could not run the hidden suite for a reason outside the submission (an instructor-side
    /// problem: the hidden tests do not build against the reference, the worker is missing).</summary>
    GraderError,
}
