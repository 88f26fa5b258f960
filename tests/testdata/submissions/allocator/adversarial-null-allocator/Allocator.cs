using MemKata.Contracts;

/// <summary>Adversarial (closed: servable requests must not return NULL): an allocator that does nothing. Malloc, Realloc and
/// Calloc always return NULL (0), Free does nothing; no forbidden API, no exception, nothing hidden.</summary>
public sealed class Allocator : IAllocator
{
    private readonly IProcessMemory _memory;

    public Allocator(IProcessMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        _memory = memory;
    }

    public ulong Malloc(ulong size) => Syscall.Null;

    public void Free(ulong pointer)
    {
    }

    public ulong Realloc(ulong pointer, ulong size) => Syscall.Null;

    public ulong Calloc(ulong count, ulong size) => Syscall.Null;
}
