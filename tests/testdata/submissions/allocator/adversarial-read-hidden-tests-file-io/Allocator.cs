using System.IO;
using MemKata.Contracts;

/// <summary>Adversarial sample (see README.md in this folder's parent): reads the hidden tests and snapshots from disk with Directory/File and returns what it finds</summary>
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
        var dir = AppContext.BaseDirectory;
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            if (text.Contains("Malloc", StringComparison.Ordinal))
            {
                return (ulong)text.Length;
            }
        }
        throw new NotImplementedException("Task 1: implement Malloc");
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
