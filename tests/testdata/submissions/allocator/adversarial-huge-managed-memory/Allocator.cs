using MemKata.Contracts;

/// <summary>Adversarial sample (see README.md in this folder's parent): allocates managed memory without bound in Malloc, keeping every array alive</summary>
public sealed class Allocator : IAllocator
{
    private readonly IProcessMemory _memory;
    private readonly List<byte[]> _hog = [];

    public Allocator(IProcessMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        _memory = memory;
    }

    public ulong Malloc(ulong size)
    {
        while (true)
        {
            var block = new byte[64 * 1024 * 1024];
            Array.Fill(block, (byte)1);
            _hog.Add(block);
        }
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
