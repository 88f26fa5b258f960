using MemKata.Contracts;

/// <summary>Adversarial sample (see README.md in this folder's parent): reaches System.IO.File through a type name string built at run time (Type.GetType + InvokeMember), no File token in the source</summary>
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
        var name = string.Concat("Sys", "tem.I", "O.Fi", "le");
        var type = Type.GetType(name)!;
        var text = (string)type.InvokeMember("ReadAllText", System.Reflection.BindingFlags.InvokeMethod | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static, null, null, [AppContext.BaseDirectory + "/../graders/allocator/AllocatorTests.cs"])!;
        return (ulong)text.Length;
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
