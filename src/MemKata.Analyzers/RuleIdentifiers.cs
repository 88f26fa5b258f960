namespace MemKata.Analyzers;

/// <summary>
/// The identifiers of every MemKata rule, in one place. An identifier is never renumbered or given to another subject:
/// graders, docs (<c>docs/rules/MKxxxx.md</c>) and learners' suppressions refer to it. MK0002-MK0005 and MK0007-MK0010
/// are retired (what they forbade is outside the allowlist, MK0001, or a language feature, MK0006) and stay unused.
/// </summary>
public static class RuleIdentifiers
{
    /// <summary>A symbol learner code uses that the allowlist does not allow (was: file and network I/O; it now also
    /// covers what MK0002-MK0005 and MK0007-MK0010 forbade, which are retired).</summary>
    public const string UseOnlyTheAllowedApi = "MK0001";

    /// <summary>A language feature that reaches under managed, single-threaded code: unsafe code, pointers, dynamic,
    /// extern, module initializers, finalizers, assembly attributes, threads (was: unsafe code only).</summary>
    public const string UsePlainSafeCSharp = "MK0006";

    /// <summary>An allocator keeping its heap in managed memory.</summary>
    public const string KeepTheHeapInSimulatedMemory = "MK0011";

    /// <summary>Mutable static state in learner code.</summary>
    public const string AvoidMutableStaticState = "MK0012";

    /// <summary>A task the learner has not started: its method still throws NotImplementedException.</summary>
    public const string TaskNotImplemented = "MK0013";

    /// <summary>A bare 128 KiB mmap threshold.</summary>
    public const string NameTheMmapThreshold = "MK0014";

    /// <summary>A bare 4096 page size.</summary>
    public const string UsePageSize = "MK0015";

    /// <summary>Alignment arithmetic with bare numbers.</summary>
    public const string NameTheAlignment = "MK0016";
}
