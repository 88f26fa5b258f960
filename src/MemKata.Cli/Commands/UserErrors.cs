using MemKata.Cli.Scenarios;
using MemKata.Engine.Traces;
using MemKata.Scenarios;

namespace MemKata.Cli.Commands;

/// <summary>The errors a user causes (a trace or scenario that is missing, unreadable or malformed, an unknown built-in
/// scenario), reported on standard error as
/// one <c>memkata: ...</c> line (for a malformed trace <c>memkata: FILE:LINE: problem</c>, for a scenario <c>FILE:LINE:COL: problem</c>, then a line saying where the
/// format is described) with exit code 2, never as a stack trace.</summary>
internal static class UserErrors
{
    /// <summary>If <paramref name="exception"/> is a user error, writes it to <paramref name="error"/> and returns true.</summary>
    public static bool TryReport(Exception exception, TextWriter error)
    {
        var message = exception switch
        {
            TraceFormatException e => $"{e.Message}\nThe trace format is described in 'memkata replay --help'.",
            ScenarioException e => $"{ScenarioMessage(e)}\nThe scenario format is described in 'memkata scenario run --help'.",
            UnknownBuiltInException e => e.Message,
            FileNotFoundException e => e.Message,
            UnauthorizedAccessException e => $"cannot read the trace: {e.Message}",
            IOException e => e.Message,
            _ => null,
        };
        if (message is null)
        {
            return false;
        }

        error.WriteLine($"memkata: {message}");
        error.Flush();
        return true;
    }

    // The parser can leave a YAML syntax error without its detail ("not valid YAML: "): say what to look for instead.
    private static string ScenarioMessage(ScenarioException e) => e.Problem.EndsWith(": ", StringComparison.Ordinal)
        ? $"{e.File}:{e.Position.Line}:{e.Position.Column}: {e.Problem.TrimEnd(' ', ':')} (look for an unclosed bracket or quote, or a bad indentation, here or just before)"
        : e.Message;
}
