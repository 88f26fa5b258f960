using MemKata.Contracts;
using MemKata.Engine.Memory;

namespace MemKata.Engine.Libc;

/// <summary>
/// The reference allocator: glibc 2.36's malloc on x86-64 (main arena, one thread), reimplemented over a
/// <see cref="SimulatedProcessMemory"/>. Chunk headers, free-list links and the tcache live in simulated memory; the
/// arena's bins live in the C library's static data, as in a real process.
/// </summary>
public sealed partial class GlibcMalloc : IAllocator
{
    /// <summary>Creates the allocator of a process that has not called malloc yet.</summary>
    public GlibcMalloc(SimulatedProcessMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        Memory = memory;
    }

    /// <summary>The process memory this allocator works in.</summary>
    public SimulatedProcessMemory Memory { get; }

    /// <summary>The factory for <see cref="Traces.TraceReplayer"/> and the engine: glibc over the given memory.</summary>
    public static AllocatorFactory Factory { get; } = memory => new GlibcMalloc(memory);

    /// <inheritdoc/>
    public ulong Malloc(ulong size) => throw new InvalidOperationException("todo");

    /// <inheritdoc/>
    public void Free(ulong pointer) => throw new InvalidOperationException("todo");

    /// <inheritdoc/>
    public ulong Realloc(ulong pointer, ulong size) => throw new InvalidOperationException("todo");

    /// <inheritdoc/>
    public ulong Calloc(ulong count, ulong size) => throw new InvalidOperationException("todo");

    /// <summary><c>malloc_usable_size(p)</c>: how many bytes the block at <paramref name="pointer"/> really offers.</summary>
    public ulong UsableSize(ulong pointer) => throw new InvalidOperationException("todo");

    /// <summary><c>mallopt(parameter, value)</c>: returns 1 on success, 0 for a value glibc refuses.</summary>
    public int Mallopt(MallocParameter parameter, int value) => throw new InvalidOperationException("todo");
}
