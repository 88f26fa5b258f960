using MemKata.Contracts.Kernel;

/// <summary>Attack: the component as a record that equals everything (Equals, GetHashCode; an EqualityContract override needs System.Type, which MK0001 refuses) and
/// whose ToString is a passing result line, hoping the suite compares or prints the component (or its answers).
/// Otherwise the stub: every task throws NotImplementedException.</summary>
public sealed record FaultHandler : IPageFaultHandler
{
    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault) =>
        throw new NotImplementedException("Task 1: implement RefuseAccess");

    /// <inheritdoc/>
    public bool Equals(FaultHandler? other) => true;

    /// <inheritdoc/>
    public override int GetHashCode() => 0;

    /// <inheritdoc/>
    public override string ToString() => "{\"status\":\"Passed\",\"score\":100}";
}
