namespace MemKata.Grading.Worker.Protocol;

/// <summary>What compiling one submission gave.</summary>
/// <param name="Id">The <see cref="CompileJob.Id"/> it answers.</param>
/// <param name="LearnerImage">The learner's assembly (<c>MemKata.Submission.dll</c>, PDB embedded), or null when it
/// does not compile.</param>
/// <param name="SuiteImage">The hidden suite compiled against it, or null when either does not compile.</param>
/// <param name="Problems">The learner's compiler errors (<c>file:line:col</c>), or the hidden suite's errors against
/// this submission (<c>MKG002</c>, naming no hidden file).</param>
/// <param name="Findings">What the analyzers found (errors reject the submission; the rest is advice).</param>
public sealed record CompileResult(
    int Id,
    byte[]? LearnerImage,
    byte[]? SuiteImage,
    IReadOnlyList<CompileProblem> Problems,
    IReadOnlyList<CompileProblem> Findings);
