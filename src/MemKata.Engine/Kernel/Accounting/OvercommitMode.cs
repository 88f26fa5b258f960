namespace MemKata.Engine.Kernel;

/// <summary>Linux's <c>vm.overcommit_memory</c>: how the kernel answers a request for more virtual memory.</summary>
public enum OvercommitMode
{
    /// <summary>0, the default heuristic: refuse only a single request larger than RAM + swap.</summary>
    Heuristic = 0,

    /// <summary>1: never refuse.</summary>
    Always = 1,

    /// <summary>2: strict accounting: refuse when Committed_AS would pass CommitLimit.</summary>
    Never = 2,
}
