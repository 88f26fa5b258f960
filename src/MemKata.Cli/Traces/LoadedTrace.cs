using MemKata.Engine.Traces;

namespace MemKata.Cli.Traces;

/// <summary>A trace ready to replay, and whether it is the bundled one (so the output can say which trace it shows).</summary>
internal sealed record LoadedTrace(Trace Trace, bool IsBundled)
{
    /// <summary>A phrase naming the trace for the reader, e.g. <c>tour.rep, the bundled tour</c>.</summary>
    public string Description => IsBundled
        ? $"{Trace.Source}, the bundled tour (no TRACE given; pass a .rep file to replay your own)"
        : Trace.Source;
}
