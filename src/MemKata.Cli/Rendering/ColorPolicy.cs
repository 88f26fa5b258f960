namespace MemKata.Cli.Rendering;

/// <summary>Decides whether standard output may carry ANSI colors: only when it is the process's own console, that
/// console is a terminal (not a pipe or a file), and the user has not opted out with <c>NO_COLOR</c>
/// (https://no-color.org) or <c>TERM=dumb</c>.</summary>
internal static class ColorPolicy
{
    /// <summary>True if <paramref name="stdout"/> is a terminal that wants colors.</summary>
    public static bool AllowsColor(TextWriter stdout) =>
        ReferenceEquals(stdout, Console.Out)
        && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && Environment.GetEnvironmentVariable("TERM") != "dumb";
}
