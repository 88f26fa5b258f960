namespace MemKata.Scenarios;

/// <summary>
/// A scenario file that cannot be understood: the message names the file, the line and column, and the problem, as
/// compilers do (<c>scenario.yaml:12:7: unknown step 'maloc' (expected one of ...)</c>).
/// </summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the error for <paramref name="file"/> at <paramref name="position"/>.</summary>
    public ScenarioException(string file, SourcePosition position, string problem)
        : base($"{file}:{position.Line}:{position.Column}: {problem}")
    {
        File = file;
        Position = position;
        Problem = problem;
    }

    /// <summary>The scenario file (as named to the parser).</summary>
    public string File { get; }

    /// <summary>Where the problem is.</summary>
    public SourcePosition Position { get; }

    /// <summary>What is wrong, without the place.</summary>
    public string Problem { get; }
}
