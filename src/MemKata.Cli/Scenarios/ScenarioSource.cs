using MemKata.Scenarios;

namespace MemKata.Cli.Scenarios;

/// <summary>Turns the FILE argument or the <c>--builtin NAME</c> option of a command into a parsed
/// <see cref="Scenario"/>. Throws <c>InputFileException</c> (missing file, folder, FIFO, device...),
/// <see cref="UnknownBuiltInException"/> or <see cref="ScenarioException"/>, all reported by
/// <c>UserErrors</c> as one <c>memkata: ...</c> line.</summary>
internal static class ScenarioSource
{
    /// <summary>Reads and parses the scenario file at <paramref name="path"/> (a regular file: see
    /// <see cref="ScenarioParser.Load"/>).</summary>
    public static Scenario FromFile(string path) => ScenarioParser.Load(path);

    /// <summary>The built-in scenario <paramref name="name"/> (its <c>.yaml</c> extension may be given), with its name.</summary>
    public static (string Name, Scenario Scenario) BuiltIn(string name)
    {
        var wanted = name.EndsWith(".yaml", StringComparison.Ordinal) ? name[..^".yaml".Length] : name;
        if (!BuiltInScenarios.Names.Contains(wanted, StringComparer.Ordinal))
        {
            throw new UnknownBuiltInException(name);
        }

        return (wanted, BuiltInScenarios.Load(wanted));
    }
}
