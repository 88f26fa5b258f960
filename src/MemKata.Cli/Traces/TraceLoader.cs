using MemKata.Engine.Traces;

namespace MemKata.Cli.Traces;

/// <summary>Turns the TRACE argument of a command into a <see cref="LoadedTrace"/>.</summary>
internal static class TraceLoader
{
    /// <summary>Parses the file at <paramref name="path"/>, or the bundled tour when <paramref name="path"/> is null.
    /// Throws what <see cref="TraceParser.ParseFile"/> throws for a missing, unreadable or malformed file.</summary>
    public static LoadedTrace Load(string? path) => path is null
        ? new LoadedTrace(BundledTraces.Tour(), IsBundled: true)
        : new LoadedTrace(TraceParser.ParseFile(path), IsBundled: false);
}
