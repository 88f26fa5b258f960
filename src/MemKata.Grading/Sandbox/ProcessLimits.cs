using System.Globalization;

namespace MemKata.Grading.Sandbox;

/// <summary>
/// The resource limits (rlimits) a sandboxed worker gets, set by <c>prlimit</c> inside the sandbox, after its user
/// namespace exists. <c>RLIMIT_NPROC</c> counts the tasks (threads included) of a real user id, and since Linux 5.14 it
/// counts them per user namespace as well: set inside a fresh namespace it bounds the sandbox alone, while set before
/// <c>bwrap</c> it would count every process of that user on the machine (other sandboxes, the grader itself). It does
/// not hold for a sandbox whose user is root outside (the kernel exempts root's processes), which is why a grader running
/// as root starts the sandbox as nobody (<see cref="BubblewrapCommand"/>). Two limits are left out on purpose, because
/// they break the runtime, not the learner's code: <c>RLIMIT_AS</c> (.NET reserves far more address space than it
/// commits; memory is bounded by the GC's hard heap limit and the grader's watch on resident memory instead) and
/// <c>RLIMIT_FSIZE</c> (.NET's W^X code allocator sizes an in-memory file with <c>ftruncate</c>, which the limit refuses:
/// the runtime dies with "Out of memory." at its first JIT; the files learner code could write go to the sandbox's /tmp,
/// whose size bwrap limits).
/// </summary>
/// <param name="Processes">RLIMIT_NPROC: processes and threads of the sandbox (.NET itself starts about 15).</param>
/// <param name="OpenFiles">RLIMIT_NOFILE.</param>
/// <param name="CpuSeconds">RLIMIT_CPU: CPU seconds for the whole process (a backstop behind the grader's own watch),
/// or null for none (a compile session lives across many submissions).</param>
internal sealed record ProcessLimits(int Processes, int OpenFiles, int? CpuSeconds)
{
    /// <summary>For a compile session: Roslyn's threads, no CPU limit (each job has its own deadline).</summary>
    public static ProcessLimits Compile { get; } = new(256, 1024, null);

    /// <summary>For a test run whose whole-run limit is <paramref name="run"/>.</summary>
    public static ProcessLimits Tests(TimeSpan run) => new(128, 512, (int)Math.Ceiling(run.TotalSeconds) + 30);

    /// <summary>The arguments of <c>prlimit</c> that set these limits (core dumps off too), before <c>--</c>.</summary>
    public IEnumerable<string> PrlimitArguments()
    {
        yield return Limit("nproc", Processes);
        yield return Limit("nofile", OpenFiles);
        yield return "--core=0";
        if (CpuSeconds is { } cpu)
        {
            yield return Limit("cpu", cpu);
        }
    }

    private static string Limit(string name, long value) => string.Create(CultureInfo.InvariantCulture, $"--{name}={value}:{value}");
}
