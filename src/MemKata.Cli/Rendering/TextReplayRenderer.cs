using System.Globalization;
using MemKata.Cli.Traces;
using MemKata.Engine.Input;
using MemKata.Engine.Traces;
using Spectre.Console;

namespace MemKata.Cli.Rendering;

/// <summary>
/// The readable account of a replay: per operation, what was called and returned (pointer in hex and relative to the
/// initial break), the chunk behind it, the system calls it made in <c>strace</c> style, and the break; then a summary
/// with tables of system calls and final mappings. Plain text when standard output is not a terminal.
/// </summary>
internal sealed class TextReplayRenderer(IAnsiConsole console, TraceInput trace, TraceHeader header, ulong initialBreak) : IReplayRenderer
{
    private const string Indent = "    ";

    private readonly IAnsiConsole _console = console;
    private readonly TraceInput _trace = trace;
    private readonly TraceHeader _header = header;
    private readonly ulong _initialBreak = initialBreak;

    /// <inheritdoc/>
    public void Begin()
    {
        _console.MarkupLine($"[bold]Replaying {Markup.Escape(InputText.Escape(_trace.Description))}[/]");
        _console.MarkupLine(Markup.Escape(
            $"{Plural(_header.OperationCount, "operation")} on {Plural(_header.IdCount, "block id")}; the initial break is " +
            $"{MemoryText.Hex(_initialBreak)} and offsets below are counted from it."));
        _console.WriteLine();
    }

    /// <inheritdoc/>
    public void Operation(in ReplayStep step)
    {
        var op = step.Operation;
        _console.MarkupLine(
            $"[bold]#{step.Index}[/]  [dim]line {op.LineNumber}[/]  [bold]{Markup.Escape(op.ToString())}[/]");
        _console.MarkupLine(Indent + Markup.Escape(Call(step)));
        if (Chunk(step) is { } chunk)
        {
            _console.MarkupLine(Indent + Markup.Escape(chunk));
        }

        if (step.Syscalls.Count == 0)
        {
            _console.MarkupLine(Indent + "[dim]no system call[/]");
        }

        foreach (var syscall in step.Syscalls)
        {
            _console.MarkupLine($"{Indent}[yellow]{Markup.Escape(syscall.ToString())}[/]");
        }

        _console.MarkupLine(Indent + Markup.Escape(Break(step)));
        _console.WriteLine();
        _console.Profile.Out.Writer.Flush();
    }

    /// <inheritdoc/>
    public void End(ReplaySummary summary, ReplayCrash? crash)
    {
        var title = crash is null
            ? "Summary"
            : $"Summary of the {Plural(summary.OperationsRun, "operation")} before the process died";
        _console.MarkupLine($"[bold]{Markup.Escape(title)}[/]");

        FactList.Write(_console,
        [
            ("Operations", $"{summary.OperationsRun} of {summary.TotalOperations}: {summary.Mallocs} malloc, " +
                $"{summary.Reallocs} realloc, {summary.Frees} free"),
            ("Peak heap", MemoryText.Bytes(summary.PeakHeapBytes) + " above the initial break"),
            ("Peak mmapped", MemoryText.Bytes(summary.PeakMmappedBytes) + " in mappings of their own"),
            ("Final break", $"{MemoryText.Hex(summary.FinalBreak)} = " +
                MemoryText.FromInitialBreak(summary.FinalBreak, summary.InitialBreak)),
        ]);
        _console.WriteLine();

        _console.MarkupLine("[bold]System calls[/]");
        var syscalls = new Table().AddColumn("call").AddColumn(new TableColumn("count").RightAligned())
            .AddColumn(new TableColumn("failed").RightAligned());
        foreach (var tally in summary.Syscalls)
        {
            syscalls.AddRow(tally.Kind.ToString().ToLowerInvariant(), Number(tally.Calls), Number(tally.Failures));
        }

        _console.Write(syscalls);
        _console.WriteLine();

        _console.MarkupLine("[bold]Final mappings[/] (as /proc/PID/maps lists them)");
        var mappings = new Table().AddColumn("start").AddColumn("end")
            .AddColumn(new TableColumn("size").RightAligned()).AddColumn("perms").AddColumn("what");
        foreach (var mapping in summary.Mappings)
        {
            mappings.AddRow(
                MemoryText.Hex(mapping.Start),
                MemoryText.Hex(mapping.End),
                Markup.Escape(MemoryText.Scaled(mapping.Length)),
                MemoryText.Permissions(mapping.Protection),
                Markup.Escape(MemoryText.Describe(mapping.Kind)));
        }

        _console.Write(mappings);
        _console.Profile.Out.Writer.Flush();
    }

    // The C call and its result, e.g. "malloc(1) = 0x5555555592a0 (initial break + 0x2a0)".
    private string Call(in ReplayStep step)
    {
        var op = step.Operation;
        var before = step.PointerBefore;
        switch (op.Kind)
        {
            case TraceOperationKind.Free:
                return op.IsOnNull ? "free(NULL): the id -1 is the NULL pointer, so there is nothing to do"
                    : before == 0 ? $"free(NULL): block {op.Id} holds no pointer, so there is nothing to do"
                    : $"free({MemoryText.Hex(before)}): {OldChunk(step)}";
            case TraceOperationKind.Allocate:
                return step.Pointer == 0
                    ? $"malloc({op.Size}) = NULL: the request cannot be served"
                    : $"malloc({op.Size}) = {Pointer(step.Pointer)}";
            default:
                var call = $"realloc({(before == 0 ? "NULL" : MemoryText.Hex(before))}, {op.Size})";
                if (step.Pointer == 0)
                {
                    return op.Size == 0 && before != 0
                        ? $"{call} = NULL: realloc to 0 bytes frees the block"
                        : $"{call} = NULL: the request cannot be served; the old block is untouched";
                }

                var how = op.IsOnNull ? "realloc(NULL, n) is malloc(n); id -1 (NULL) holds nothing, so this block stays to the end"
                    : before == 0 ? "realloc(NULL, n) is malloc(n)"
                    : step.Pointer != before ? $"moved: the old block, {OldChunk(step)}, was freed"
                    : step.ChunkSize > step.ChunkSizeBefore ? "grown in place, same address"
                    : step.ChunkSize < step.ChunkSizeBefore ? "shrunk in place, same address"
                    : "the chunk already fits, same address";
                return $"{call} = {Pointer(step.Pointer)}; {how}";
        }
    }

    // What the returned pointer sits in, e.g. "chunk of 32 bytes on the heap".
    private static string? Chunk(in ReplayStep step)
    {
        if (step.Pointer == 0)
        {
            return null;
        }

        var where = step.IsMmapped ? "mmapped: a mapping of its own" : "on the heap";
        return $"chunk of {MemoryText.Bytes(step.ChunkSize)}, {where}";
    }

    // The chunk a free or realloc was handed, e.g. "a chunk of 112 bytes at initial break + 0x2e0".
    private string OldChunk(in ReplayStep step) => step.WasMmapped
        ? $"a chunk of {MemoryText.Bytes(step.ChunkSizeBefore)} in a mapping of its own"
        : $"a chunk of {MemoryText.Bytes(step.ChunkSizeBefore)} at " +
          MemoryText.FromInitialBreak(step.PointerBefore, _initialBreak);

    private string Break(in ReplayStep step)
    {
        var after = step.Break;
        var before = step.BreakBefore;
        var change = after == before ? "unchanged"
            : after > before ? $"grew by {MemoryText.Bytes(after - before)}"
            : $"shrank by {MemoryText.Bytes(before - after)}";
        return $"break {MemoryText.Hex(after)} = {MemoryText.FromInitialBreak(after, _initialBreak)}, {change}";
    }

    // Heap pointers are easiest to follow as offsets from the initial break; mmapped ones live far away, below the libraries.
    private string Pointer(ulong pointer) => pointer - _initialBreak < HeapNeighbourhood
        ? $"{MemoryText.Hex(pointer)} ({MemoryText.FromInitialBreak(pointer, _initialBreak)})"
        : $"{MemoryText.Hex(pointer)} (in the mmap area, far above the heap)";

    private const ulong HeapNeighbourhood = 1UL << 40;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
