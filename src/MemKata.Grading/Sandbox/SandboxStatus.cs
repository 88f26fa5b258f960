namespace MemKata.Grading.Sandbox;

/// <summary>
/// What this machine can do to isolate learner code, found once per process by <see cref="SandboxProbe"/>: whether
/// bubblewrap runs (namespaces: the sandbox sees no repository, no <c>graders/</c>, no network, no other process, no
/// environment of the grader's), whether the sandbox's user is someone other than root outside (a grader running as root
/// needs <c>setpriv</c> for that), and whether rlimits are set inside it (<c>prlimit</c>). Whatever is missing, grading
/// still works: the process layer (time and memory watch, nonce-prefixed results, capped output) always holds.
/// </summary>
/// <param name="Bubblewrap">The <c>bwrap</c> program, or null when it is not installed.</param>
/// <param name="BubblewrapProblem">Why bwrap cannot run here (its own words, e.g. no user namespaces), or null when
/// it runs.</param>
/// <param name="AsRoot">This process runs as root.</param>
/// <param name="Setpriv">The <c>setpriv</c> program (util-linux), or null.</param>
/// <param name="Prlimit">The <c>prlimit</c> program (util-linux) under <c>/usr</c>, which the sandbox sees, or null.</param>
public sealed record SandboxStatus(string? Bubblewrap, string? BubblewrapProblem, bool AsRoot, string? Setpriv, string? Prlimit)
{
    /// <summary>The sandbox as a caller switched it off (<see cref="GradingOptions.UseSandbox"/>).</summary>
    public static SandboxStatus Off { get; } = new(null, "switched off for this grading", false, null, null);

    /// <summary>Workers run under bubblewrap.</summary>
    public bool Namespaces => Bubblewrap is not null && BubblewrapProblem is null;

    /// <summary>The sandbox's user is not root outside it: when this process is root, it starts bwrap as nobody.</summary>
    public bool SwitchesUser => Namespaces && AsRoot && Setpriv is not null;

    /// <summary>The rlimits (processes, open files, CPU, no core dumps) are set inside the sandbox, and they hold
    /// (the sandbox's user is not root outside).</summary>
    public bool ProcessLimits => Namespaces && Prlimit is not null && (!AsRoot || SwitchesUser);

    /// <summary>Every layer is there.</summary>
    public bool IsComplete => Namespaces && ProcessLimits;

    /// <summary>One line for a grading report when a layer is missing, or null when the sandbox is complete.</summary>
    public string? MissingLine => IsComplete
        ? null
        : !Namespaces
            ? $"Sandbox: the OS sandbox is missing here ({WhyNoNamespaces}): the hidden tests ran as the grader's own user, " +
              "bounded by the process limits only (time, memory, output)."
            : $"Sandbox: bubblewrap isolates the tests, but {WhyNoLimits}.";

    /// <summary>Each layer, whether it is active, and what it does or why it is missing: what
    /// <c>memkata sandbox</c> prints.</summary>
    public IReadOnlyList<(string Layer, bool Active, string Detail)> Layers =>
    [
        ("namespaces (bubblewrap)", Namespaces, Namespaces
            ? $"{Bubblewrap}: new user, pid, network, ipc, uts and mount namespaces; the worker sees the runtime, its own " +
              "assemblies and the job's, an empty /tmp; no repository, no graders/, no network, no grader environment"
            : WhyNoNamespaces),
        ("unprivileged outside", Namespaces && (!AsRoot || SwitchesUser), !Namespaces
            ? "needs bubblewrap"
            : AsRoot
                ? SwitchesUser ? $"the grader runs as root: {Setpriv} starts the sandbox as nobody (uid 65534)" : "the grader runs as root and setpriv (util-linux) is missing: the sandbox's processes are root outside it"
                : "the sandbox's processes are the grader's own (unprivileged) user outside it"),
        ("process limits (prlimit)", ProcessLimits, ProcessLimits
            ? $"{Prlimit} inside the sandbox: processes and threads, open files, CPU time, no core dumps"
            : WhyNoLimits),
        ("process watch", true, "always: CPU time per test, wall clock, resident memory, the GC heap limit, output caps, " +
            "nonce-prefixed results; the whole process tree is killed and waited for"),
    ];

    private string WhyNoNamespaces => Bubblewrap is null
        ? BubblewrapProblem ?? (OperatingSystem.IsLinux()
            ? "bubblewrap (bwrap) is not installed; on Debian or Ubuntu: apt-get install bubblewrap"
            : "the OS sandbox (bubblewrap) needs Linux")
        : $"bwrap cannot run: {BubblewrapProblem}";

    private string WhyNoLimits => !Namespaces
        ? "needs bubblewrap"
        : Prlimit is null
            ? "prlimit (util-linux) is missing, so no rlimits are set inside it"
            : "the grader runs as root without setpriv (util-linux), so the process-count limit does not hold";
}
