namespace MemKata.Engine.Traces;

/// <summary>One line of a trace: what to do, to which block id, with what size (0 for a free), and where it was written.</summary>
public readonly record struct TraceOperation(TraceOperationKind Kind, int Id, ulong Size, int LineNumber)
{
    /// <summary>The operation's letter in the .rep format: a, r or f.</summary>
    public char Letter => Kind switch
    {
        TraceOperationKind.Allocate => 'a',
        TraceOperationKind.Reallocate => 'r',
        _ => 'f',
    };

    /// <summary>The operation as a .rep line, e.g. <c>a 3 512</c>.</summary>
    public override string ToString() => Kind == TraceOperationKind.Free
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"f {Id}")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Letter} {Id} {Size}");
}
