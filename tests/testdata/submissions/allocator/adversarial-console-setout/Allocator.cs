using MemKata.Contracts;

/// <summary>Adversarial sample (see README.md in this folder's parent): Console.SetOut to a StringWriter-free writer: replaces standard output with one that stamps every line as passed</summary>
public sealed class Allocator : IAllocator
{
    private readonly IProcessMemory _memory;

    public Allocator(IProcessMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        _memory = memory;
        Console.SetOut(new Stamp(Console.Out));
    }

    public ulong Malloc(ulong size)
    {
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

internal sealed class Stamp(TextWriter inner) : TextWriter
{
    public override System.Text.Encoding Encoding => inner.Encoding;

    public override void WriteLine(string? value) => inner.WriteLine(value?.Replace("Failed", "Passed", StringComparison.Ordinal));
}
