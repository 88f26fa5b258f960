namespace MemKata.Analyzers.Runner;

/// <summary>What the image check found in a compiled learner assembly.</summary>
/// <param name="Symbol">What was found, as the allowlist names it: a documentation-comment ID
/// (<c>M:System.IO.File.ReadAllText(System.String)</c>), or <c>assembly NAME</c>, or the construct
/// (<c>&lt;Module&gt;..cctor</c>, <c>localloc</c>).</param>
/// <param name="Message">One sentence for the learner: what the compiled code does and why it may not.</param>
public sealed record ImageFinding(string Symbol, string Message);
