using MemKata.Contracts;

/// <summary>Attack: the component as a record that equals everything (Equals, GetHashCode; an EqualityContract override needs System.Type, which MK0001 refuses) and whose
/// ToString is a passing result line, hoping the suite compares or prints it. Its members are the stub's.</summary>
public sealed record Allocator(IProcessMemory Memory) : IAllocator
{
    /// <inheritdoc/>
    public ulong Malloc(ulong size) => throw new NotImplementedException("Task 1: implement Malloc");

    /// <inheritdoc/>
    public void Free(ulong pointer) => throw new NotImplementedException("Task 3: implement Free");

    /// <inheritdoc/>
    public ulong Realloc(ulong pointer, ulong size) => throw new NotImplementedException("Task 5: implement Realloc");

    /// <inheritdoc/>
    public ulong Calloc(ulong count, ulong size) => throw new NotImplementedException("Task 5: implement Calloc");

    /// <inheritdoc/>
    public bool Equals(Allocator? other) => true;

    /// <inheritdoc/>
    public override int GetHashCode() => 0;

    /// <inheritdoc/>
    public override string ToString() => "{\"status\":\"Passed\",\"score\":100}";
}
