using MemKata.Engine.Memory;
using MemKata.Engine.Traces;

namespace MemKata.Cli.Replay;

/// <summary>One operation as the replay saw it: the engine's <see cref="ReplayStep"/>; the block's pointer before the
/// operation (what <c>free</c> or <c>realloc</c> was handed) with the chunk size and placement it had when it was
/// handed out (0 and false when the block held no pointer); the break before the operation; and the system calls it
/// made.</summary>
internal sealed record ReplayedOperation(
    ReplayStep Step,
    ulong PointerBefore,
    ulong ChunkSizeBefore,
    bool WasMmapped,
    ulong BreakBefore,
    IReadOnlyList<SyscallRecord> Syscalls);
