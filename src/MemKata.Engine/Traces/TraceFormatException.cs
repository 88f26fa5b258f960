namespace MemKata.Engine.Traces;

/// <summary>
/// A trace file is not valid <c>.rep</c>: <see cref="TraceParser"/> stopped at the first problem and says where, in the
/// compiler style <c>source:line: problem</c> that editors and terminals turn into a link.
/// </summary>
public sealed class TraceFormatException : Exception
{
    /// <summary>Creates the error for <paramref name="problem"/> found on line <paramref name="line"/> (1-based) of
    /// <paramref name="source"/>. <see cref="Exception.Message"/> is <c>"&lt;source&gt;:&lt;line&gt;: &lt;problem&gt;"</c>.</summary>
    public TraceFormatException(string source, int line, string problem)
        : base($"{source}:{line}: {problem}")
    {
        Source = source;
        Line = line;
        Problem = problem;
    }

    /// <summary>The trace's name as given to the parser (a file path or a built-in name). Hides
    /// <see cref="Exception.Source"/>, which names an assembly and means nothing to a learner.</summary>
    public new string Source { get; }

    /// <summary>The 1-based line the problem is on; for a file that ends too early, its last line.</summary>
    public int Line { get; }

    /// <summary>What is wrong, in a sentence that names the offending text and what was expected instead.</summary>
    public string Problem { get; }
}
