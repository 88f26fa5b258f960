namespace MemKata.Engine.Traces;

/// <summary>The four numbers that open a malloclab trace, as <see cref="TraceReader"/> read them.</summary>
/// <param name="SuggestedHeapSize">The suggested heap size in bytes (informational).</param>
/// <param name="IdCount">How many block ids the trace may use: ids run from 0 to this - 1.</param>
/// <param name="OperationCount">How many operations follow.</param>
/// <param name="Weight">The weight (malloclab scoring uses it; the replay does not).</param>
public readonly record struct TraceHeader(long SuggestedHeapSize, int IdCount, int OperationCount, int Weight);
