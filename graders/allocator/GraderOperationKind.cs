namespace MemKata.Graders.Allocator;

/// <summary>The four operations a graded program performs.</summary>
internal enum GraderOperationKind
{
    Malloc,
    Calloc,
    Realloc,
    Free,
}
