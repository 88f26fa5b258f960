namespace MemKata.Engine.Traces;

/// <summary>
/// A trace file is not valid <c>.rep</c>: <see cref="TraceReader"/> stopped at the first problem and says where, in the
/// compiler style <c>source:line:column: problem</c> that editors and terminals turn into a link.
/// </summary>
public sealed class TraceFormatException : Exception
{
    /// <summary>Creates the error for <paramref name="problem"/> found on line <paramref name="line"/>, column
    /// <paramref name="column"/> (both 1-based) of <paramref name="source"/>. <see cref="Exception.Message"/> is
    /// <c>"&lt;source&gt;:&lt;line&gt;:&lt;column&gt;: &lt;problem&gt;"</c>.</summary>
    public TraceFormatException(string source, int line, int column, string problem)
        : base($"{source}:{line}:{column}: {problem}")
    {
        Source = source;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The trace's name as given to the parser (a file path or a built-in name). Hides
    /// <see cref="Exception.Source"/>, which names an assembly and means nothing to a learner.</summary>
    public new string Source { get; }

    /// <summary>The 1-based line the problem is on; for a file that ends too early, its last line.</summary>
    public int Line { get; }

    /// <summary>The 1-based column where the offending text starts (1 when the problem is the line as a whole).</summary>
    public int Column { get; }

    /// <summary>What is wrong, in a sentence that names the offending text (quoted, escaped and cut to a few dozen
    /// characters) and what was expected instead.</summary>
    public string Problem { get; }
}
