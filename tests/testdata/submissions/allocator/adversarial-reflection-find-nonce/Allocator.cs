using MemKata.Contracts;

/// <summary>Adversarial sample (see README.md in this folder's parent): walks the loaded assemblies with reflection to find the worker's nonce and results writer, then writes a forged 'passed' line</summary>
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
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            foreach (var type in assembly.GetTypes())
            {
                foreach (var field in type.GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static))
                {
                    if (field.FieldType == typeof(string) && field.GetValue(null) is string nonce && nonce.Length >= 16)
                    {
                        Console.WriteLine(nonce + " {\"event\":\"finished\",\"outcome\":\"Passed\"}");
                    }
                }
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
