namespace MemKata.Grading.Worker.Protocol;

/// <summary>A problem a compile job found in the learner's files: a compiler error or an analyzer finding.</summary>
/// <param name="File">The learner's file, or null for the whole submission.</param>
/// <param name="Line">1-based line, or null.</param>
/// <param name="Column">1-based column, or null.</param>
/// <param name="Id">The compiler's or the rule's id (<c>CS0103</c>, <c>MK0001</c>, <c>MKG002</c>).</param>
/// <param name="Message">What is wrong, for the learner.</param>
/// <param name="IsError">True when it stops grading.</param>
public sealed record CompileProblem(string? File, int? Line, int? Column, string Id, string Message, bool IsError);
