namespace MemKata.Grading.Worker.Protocol;

/// <summary>Why the learner's replay ended before the trace did: their allocator threw an exception that is not the
/// death of the process (an abort on detected heap corruption and a segmentation fault are the process dying, as
/// with glibc: <see cref="ReplayEnd.Crash"/>).</summary>
/// <param name="Operation">The 0-based index of the operation that was running (-1: the constructor threw).</param>
/// <param name="Exception">The exception's type name, e.g. <c>NotImplementedException</c>.</param>
/// <param name="Message">Its message, on one line and cut to a few KiB.</param>
/// <param name="Source">The innermost frame of the learner's code, <c>Allocator.Malloc, Allocator.cs:42</c>, if known.</param>
public sealed record ReplayStop(int Operation, string Exception, string Message, string? Source);
