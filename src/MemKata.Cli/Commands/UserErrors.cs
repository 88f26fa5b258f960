using MemKata.Engine.Traces;

namespace MemKata.Cli.Commands;

/// <summary>The errors a user causes (a trace that is missing, unreadable or malformed), reported on standard error as
/// one <c>memkata: ...</c> line (for a malformed trace <c>memkata: FILE:LINE: problem</c>, then a line saying where the
/// format is described) with exit code 2, never as a stack trace.</summary>
internal static class UserErrors
{
    /// <summary>If <paramref name="exception"/> is a user error, writes it to <paramref name="error"/> and returns true.</summary>
    public static bool TryReport(Exception exception, TextWriter error)
    {
        var message = exception switch
        {
            TraceFormatException e => $"{e.Message}\nThe trace format is described in 'memkata replay --help'.",
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
}
