namespace MemKata.Contracts;

/// <summary>Values shared by the simulated system calls.</summary>
public static class Syscall
{
    /// <summary>What <c>sbrk</c>, <c>mmap</c> and <c>mremap</c> return on failure: C's <c>(void *) -1</c>, MAP_FAILED.</summary>
    public const ulong Failed = ulong.MaxValue;

    /// <summary>The null pointer: what <c>malloc</c> returns when it cannot allocate.</summary>
    public const ulong Null = 0;
}
