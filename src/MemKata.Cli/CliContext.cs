using MemKata.Engine;

namespace MemKata.Cli;

/// <summary>What every command runs with: where its output goes, which allocator a replayed process gets, and whether
/// standard output may carry colors (only a terminal, and only when <c>NO_COLOR</c> is not set).</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, AllocatorFactory AllocatorFactory, bool UseColor)
{
    /// <summary>The folder memkata's assemblies run from: a learner's starter marks it (<c>PrebuiltTool.StarterMarker</c>).</summary>
    public string ToolDirectory { get; init; } = AppContext.BaseDirectory;

    /// <summary>Ends a command that runs until stopped (<c>check --watch</c>) as Ctrl-C does; tests cancel it.</summary>
    public CancellationToken Cancel { get; init; }
}
