namespace MemKata.Engine.Traces;

/// <summary>
/// A CS:APP malloclab trace (<c>.rep</c>): a header (suggested heap size, number of block ids, number of operations,
/// weight) and the operations. Block ids run from 0 to <see cref="IdCount"/> - 1; a free or realloc of an id that holds
/// no block acts on NULL, as the C driver does.
/// </summary>
/// <param name="Source">Where the trace came from (a file path or a built-in name), for messages.</param>
/// <param name="SuggestedHeapSize">The header's suggested heap size in bytes (informational).</param>
/// <param name="IdCount">How many distinct block ids the trace uses.</param>
/// <param name="Weight">The header's weight (malloclab scoring uses it; the replay does not).</param>
/// <param name="Operations">The operations, in order.</param>
public sealed record Trace(string Source, long SuggestedHeapSize, int IdCount, int Weight, IReadOnlyList<TraceOperation> Operations);
