namespace MemKata.Grading.Model;

/// <summary>A problem found in the learner's files before anything ran: a compiler error, a missing file, or a
/// finding of a preflight check (the analyzers).</summary>
/// <param name="File">The file, relative to the submission (e.g. <c>Allocator.cs</c>), or null for the whole
/// submission.</param>
/// <param name="Line">1-based line, or null.</param>
/// <param name="Column">1-based column, or null.</param>
/// <param name="Id">A stable identifier (<c>CS0103</c>, an analyzer rule id, <c>MK-MISSING</c>).</param>
/// <param name="Message">What is wrong, for the learner.</param>
/// <param name="IsError">True when it stops grading (a compile error, a blocking rule); false for advice.</param>
public sealed record SourceProblem(string? File, int? Line, int? Column, string Id, string Message, bool IsError)
{
    /// <summary>The problem a compile job reported, as the learner reads it.</summary>
    public static SourceProblem From(Worker.Protocol.CompileProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(problem.File, problem.Line, problem.Column, problem.Id, problem.Message, problem.IsError);
    }

    /// <summary><c>file:line:column: error ID: message</c>, the form compilers and editors use.</summary>
    public override string ToString()
    {
        var where = File is null ? "" : Line is null ? $"{File}: " : $"{File}:{Line}:{Column}: ";
        return $"{where}{(IsError ? "error" : "warning")} {Id}: {Message}";
    }
}
