using MemKata.Cli.Scenarios;
using MemKata.Engine.Input;
using MemKata.Engine.Traces;
using MemKata.Scenarios;

namespace MemKata.Cli.Commands;

/// <summary>The errors a user causes (a trace or scenario that is missing, not a regular file, unreadable or malformed,
/// an unknown built-in scenario), reported on standard error as one <c>memkata: ...</c> line (for a malformed trace or
/// scenario <c>memkata: FILE:LINE:COL: problem</c>, then a line saying where the format is described) with exit code 2,
/// never as a stack trace. Whatever the message quotes, no control character reaches the terminal.</summary>
internal static class UserErrors
{
    /// <summary>If <paramref name="exception"/> is a user error, writes it to <paramref name="error"/> and returns true.</summary>
    public static bool TryReport(Exception exception, TextWriter error)
    {
        var message = exception switch
        {
            TraceFormatException e => $"{e.Message}\nThe trace format is described in 'memkata replay --help'.",
            ScenarioException e => $"{e.Message}\nThe scenario format is described in 'memkata scenario run --help'.",
            UnknownBuiltInException e => e.Message,
            InputFileException e => e.Message,
            FileNotFoundException e => e.Message,
            UnauthorizedAccessException e => $"cannot read the file: {e.Message}",
            IOException e => $"cannot read the file: {e.Message}",
            _ => null,
        };
        if (message is null)
        {
            return false;
        }

        Write(error, message);
        return true;
    }

    /// <summary>Writes <paramref name="message"/> as <c>memkata: message</c>, each of its lines with every control
    /// character escaped.</summary>
    public static void Write(TextWriter error, string message)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(message);
        error.WriteLine($"memkata: {string.Join('\n', message.Split('\n').Select(InputText.Escape))}");
        error.Flush();
    }
}
