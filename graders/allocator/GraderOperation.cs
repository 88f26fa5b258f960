using System.Globalization;

namespace MemKata.Graders.Allocator;

/// <summary>What a graded program does next: malloc, calloc or realloc into block slot <see cref="Id"/>, or free it.</summary>
internal readonly record struct GraderOperation(GraderOperationKind Kind, int Id, ulong Size, ulong Count = 1)
{
    public override string ToString() => Kind switch
    {
        GraderOperationKind.Malloc => string.Create(CultureInfo.InvariantCulture, $"a {Id} {Size}"),
        GraderOperationKind.Calloc => string.Create(CultureInfo.InvariantCulture, $"c {Id} {Count}x{Size}"),
        GraderOperationKind.Realloc => string.Create(CultureInfo.InvariantCulture, $"r {Id} {Size}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"f {Id}"),
    };
}
