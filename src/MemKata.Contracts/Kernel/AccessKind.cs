namespace MemKata.Contracts.Kernel;

/// <summary>Which kind of access a program made: it decides what a fault must provide.</summary>
public enum AccessKind
{
    /// <summary>A load: the page must be present and readable.</summary>
    Read,

    /// <summary>A store: the page must be present and writable (and is marked dirty).</summary>
    Write,
}
