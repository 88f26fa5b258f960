namespace MemKata.Analyzers;

/// <summary>
/// The identifiers of every MemKata rule, in one place. An identifier is never reused or renumbered: graders, docs
/// (<c>docs/rules/MKxxxx.md</c>) and learners' suppressions refer to it.
/// </summary>
public static class RuleIdentifiers
{
    /// <summary>File and network I/O in learner code.</summary>
    public const string DoNotUseFileOrNetworkIo = "MK0001";

    /// <summary>Reflection and run-time code generation in learner code.</summary>
    public const string DoNotUseReflection = "MK0002";

    /// <summary>Starting or inspecting processes in learner code.</summary>
    public const string DoNotUseProcesses = "MK0003";

    /// <summary>Ending the process or using environment variables in learner code.</summary>
    public const string DoNotExitOrUseEnvironmentVariables = "MK0004";

    /// <summary>Native interop in learner code.</summary>
    public const string DoNotUseNativeInterop = "MK0005";

    /// <summary>Unsafe code in learner code.</summary>
    public const string DoNotUseUnsafeCode = "MK0006";

    /// <summary>Threads, the thread pool and timers in learner code.</summary>
    public const string DoNotUseThreadsOrTimers = "MK0007";

    /// <summary>Garbage-collector controls in learner code.</summary>
    public const string DoNotControlTheGarbageCollector = "MK0008";

    /// <summary>The reference engine used from learner code.</summary>
    public const string DoNotUseTheEngine = "MK0009";

    /// <summary>Learner code looking at how it is run (test name, environment, caller).</summary>
    public const string DoNotDetectTheGrader = "MK0010";

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
