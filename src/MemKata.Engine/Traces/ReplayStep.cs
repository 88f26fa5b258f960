using MemKata.Engine.Memory;

namespace MemKata.Engine.Traces;

/// <summary>
/// What one trace operation did, everything a report about it needs: the pointer returned (0 for a free or a failed
/// request), the chunk size glibc's header records for it (flag bits cleared), whether that chunk has its own mapping
/// and the program break afterwards; the block's pointer before the operation (what <c>free</c> or <c>realloc</c> was
/// handed) with the chunk size and placement it had when it was handed out (0 and false when the block held none); the
/// break before; and the system calls the operation made (empty unless the replayer records them).
/// </summary>
/// <param name="Index">The operation's 0-based index, as in the chunks format.</param>
/// <param name="Operation">The operation.</param>
/// <param name="Pointer">What malloc or realloc returned; 0 for a free or a failed request.</param>
/// <param name="ChunkSize">The returned chunk's size, flag bits cleared (0 without a pointer).</param>
/// <param name="IsMmapped">Whether the returned chunk has a mapping of its own.</param>
/// <param name="Break">The program break after the operation.</param>
/// <param name="PointerBefore">The block's pointer before the operation (0 if it held none).</param>
/// <param name="ChunkSizeBefore">That pointer's chunk size when it was handed out (0 if none).</param>
/// <param name="WasMmapped">Whether that chunk had a mapping of its own.</param>
/// <param name="BreakBefore">The program break before the operation.</param>
/// <param name="Syscalls">The system calls the operation made, in order; empty unless recorded.</param>
public readonly record struct ReplayStep(
    int Index,
    TraceOperation Operation,
    ulong Pointer,
    ulong ChunkSize,
    bool IsMmapped,
    ulong Break,
    ulong PointerBefore,
    ulong ChunkSizeBefore,
    bool WasMmapped,
    ulong BreakBefore,
    IReadOnlyList<SyscallRecord> Syscalls);
