namespace MemKata.Engine.Performance;

/// <summary>What an allocator did, counted by <see cref="CountingProcessMemory"/>; <see cref="CostModel"/> weighs it.</summary>
/// <param name="Accesses">Words and bytes read or written one at a time.</param>
/// <param name="BulkBytes">Bytes filled or copied (memset, memmove).</param>
/// <param name="Syscalls">Memory system calls made (sbrk(0) is not one).</param>
/// <param name="PageFaults">Pages touched for the first time since they were mapped.</param>
public readonly record struct WorkCounts(long Accesses, long BulkBytes, long Syscalls, long PageFaults)
{
    /// <summary>The weighted cost (<see cref="CostModel.Of"/>).</summary>
    public long Cost => CostModel.Of(this);
}
