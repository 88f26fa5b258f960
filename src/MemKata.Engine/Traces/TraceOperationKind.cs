namespace MemKata.Engine.Traces;

/// <summary>The three operations of a malloclab trace.</summary>
public enum TraceOperationKind
{
    /// <summary><c>a id size</c>: <c>p[id] = malloc(size)</c>.</summary>
    Allocate,

    /// <summary><c>r id size</c>: <c>p[id] = realloc(p[id], size)</c>.</summary>
    Reallocate,

    /// <summary><c>f id</c>: <c>free(p[id])</c>.</summary>
    Free,
}
