using MemKata.Contracts;

/// <summary>Adversarial sample (see README.md in this folder's parent): the type-name trick without System.Reflection: Activator.CreateInstance("System.IO.FileInfo" built from pieces) and dynamic dispatch through an interface-free object</summary>
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
        var type = Type.GetType("System.IO." + "Directory" + "Info")!;
        var info = Activator.CreateInstance(type, AppContext.BaseDirectory)!;
        return (ulong)info.ToString()!.Length;
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
