using MemKata.Engine.Memory;

namespace MemKata.Engine.Traces;

/// <summary>How often one kind of memory system call was made, and how many of those calls failed.</summary>
/// <param name="Kind">The system call.</param>
/// <param name="Calls">How many times it was made.</param>
/// <param name="Failures">How many of those returned an error.</param>
public sealed record SyscallTally(SyscallKind Kind, int Calls, int Failures);
