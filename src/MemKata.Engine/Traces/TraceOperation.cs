namespace MemKata.Engine.Traces;

/// <summary>One line of a trace: what to do, to which block id, with what size (0 for a free), and where it was written.
/// An id of <see cref="NullId"/> (-1) is the NULL pointer, as in CMU 15-213's traces: <c>f -1</c> is <c>free(NULL)</c>
/// and <c>r -1 SIZE</c> is <c>realloc(NULL, SIZE)</c>, whose block no id holds.</summary>
public readonly record struct TraceOperation(TraceOperationKind Kind, int Id, ulong Size, int LineNumber)
{
    /// <summary>The id that stands for the NULL pointer: <c>f -1</c>, <c>r -1 SIZE</c>.</summary>
    public const int NullId = -1;

    /// <summary>True when the operation passes NULL instead of a block's pointer (<see cref="NullId"/>).</summary>
    public bool IsOnNull => Id == NullId;

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
