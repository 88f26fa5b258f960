using MemKata.Contracts;

/// <summary>Adversarial sample "shadow-nunit-assert": a bump allocator (task 1 only, free does nothing) plus a public
/// class named <c>Assert</c> in the global namespace whose members do nothing. The hidden tests are compiled against
/// this assembly with <c>global using NUnit.Framework;</c>; C# looks a simple name up among the global namespace's
/// members (which include this assembly's types) before the compilation unit's using directives, so their
/// <c>Assert.That</c> binds here.</summary>
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
        if (size > long.MaxValue - 64)
        {
            return 0;
        }

        var chunk = Math.Max(32, (size + 16 + 15) & ~15UL);
        var start = _memory.Sbrk((long)chunk);
        if (start == Syscall.Failed)
        {
            return 0;
        }

        _memory.WriteWord(start + 8, chunk | 0x1);
        return start + 16;
    }

    public void Free(ulong pointer)
    {
    }

    public ulong Realloc(ulong pointer, ulong size) => Malloc(size);

    public ulong Calloc(ulong count, ulong size) => Malloc(count * size);
}

/// <summary>Shadows NUnit.Framework.Assert in any assembly compiled against this one.</summary>
public static class Assert
{
    public static void That<T>(T actual, object? expression = null, string? message = null, params object?[] args)
    {
    }

    public static void Fail(string? message = null, params object?[] args)
    {
    }

    public static void Pass(string? message = null, params object?[] args)
    {
    }

    public static void Multiple(Action action) => action();
}
