namespace MemKata.Grading.Worker.Protocol;

/// <summary>One submission to compile, a JSON line on a compile session's standard input.</summary>
/// <param name="Id">The job's number in the session, echoed in its <see cref="CompileResult"/>.</param>
/// <param name="Files">The learner's files, as collected.</param>
public sealed record CompileJob(int Id, IReadOnlyList<SourceFile> Files);
