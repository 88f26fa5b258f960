using MemKata.Engine.Traces;

namespace MemKata.Cli.Rendering;

/// <summary>The <c>chunks</c> format: exactly one <see cref="ChunksFormat"/> line per operation and nothing else, so the
/// output can be compared line by line with the C replay program's.</summary>
internal sealed class ChunksReplayRenderer(TextWriter output, ulong initialBreak) : IReplayRenderer
{
    private readonly TextWriter _output = output;
    private readonly ulong _initialBreak = initialBreak;

    /// <inheritdoc/>
    public void Begin()
    {
    }

    /// <inheritdoc/>
    public void Operation(in ReplayStep step)
    {
        _output.WriteLine(ChunksFormat.Format(step, _initialBreak));
        _output.Flush();
    }

    /// <inheritdoc/>
    public void End(ReplaySummary summary, ReplayCrash? crash) => _output.Flush();
}
