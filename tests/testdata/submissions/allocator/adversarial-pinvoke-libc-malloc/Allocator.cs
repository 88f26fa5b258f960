using MemKata.Contracts;

/// <summary>Adversarial sample (see README.md in this folder's parent): P/Invoke to libc malloc for real native memory</summary>
public sealed class Allocator : IAllocator
{
    private readonly IProcessMemory _memory;

    public Allocator(IProcessMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        _memory = memory;
    }

    public ulong Malloc(ulong size)
    {
        return (ulong)NativeMethods.malloc((nuint)size);
    }

    public void Free(ulong pointer)
    {
        throw new NotImplementedException("Task 3: implement Free");
    }

    public ulong Realloc(ulong pointer, ulong size) =>
        throw new NotImplementedException("Task 5: implement Realloc");

    public ulong Calloc(ulong count, ulong size) =>
        throw new NotImplementedException("Task 5: implement Calloc");
}

internal static partial class NativeMethods
{
    [System.Runtime.InteropServices.DllImport("libc")]
    internal static extern nint malloc(nuint size);
}
