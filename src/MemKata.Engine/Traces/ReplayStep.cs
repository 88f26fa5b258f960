namespace MemKata.Engine.Traces;

/// <summary>
/// What one trace operation did: the pointer returned (0 for a free or a failed request), the chunk size glibc's header
/// records for it (flag bits cleared), whether that chunk has its own mapping, and the program break afterwards.
/// </summary>
public readonly record struct ReplayStep(int Index, TraceOperation Operation, ulong Pointer, ulong ChunkSize, bool IsMmapped, ulong Break);
