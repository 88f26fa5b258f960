using MemKata.Contracts.Kernel;

namespace MemKata.Engine.Kernel;

/// <summary>
/// What one invocation of the OOM killer saw and did, kept by the machine (<see cref="Machine.OomKills"/>) so that
/// reports and graders read numbers, not log text. Immutable; taken when the reclaim policy was asked, so every figure
/// is the one the choice was made with. Deterministic: the same run gives equal records.
/// </summary>
/// <param name="Number">1 for the machine's first OOM invocation, then 2, 3...</param>
/// <param name="Sequence">The <see cref="KernelEvent.Sequence"/> of the event that ends the invocation: the kill line
/// ("Out of memory: Killed process ...") or, when nothing was killable, "out of memory and no killable process". The
/// number is kept even when the event log was full and dropped the event.</param>
/// <param name="RequesterPid">The process whose page allocation failed and invoked the OOM killer (it may be the victim).</param>
/// <param name="RequesterName">Its command name.</param>
/// <param name="FaultAddress">The page whose fault needed the frame, when the allocation served a page fault (every
/// allocation in the simulation is one order-0 user page); null if the allocation came from elsewhere.</param>
/// <param name="Constraint">Linux's <c>oom_constraint</c> name: always <see cref="GlobalConstraint"/> here (one zone, no
/// cgroups, cpusets or memory policies).</param>
/// <param name="TotalPages">RAM plus swap in pages: what the points were scaled by and the policy was given.</param>
/// <param name="Candidates">Every live process, in pid order, exactly as the policy was given them (exempt ones
/// included, as Linux's task dump lists them); <see cref="PointsOf"/> and <see cref="OomScoreOf"/> give the numbers the
/// kernel derived from them.</param>
/// <param name="PolicyName">The type name of the <c>IReclaimPolicy</c> that chose (the reference's or a learner's).</param>
/// <param name="VictimPid">The pid the policy chose and the kernel killed; null when the policy found nothing killable.</param>
/// <param name="FramesFreed">Frames returned to the free list by the kill (0 without a victim).</param>
/// <param name="SwapSlotsFreed">Swap slots released by the kill (0 without a victim).</param>
public sealed record OomKill(
    int Number,
    long Sequence,
    int RequesterPid,
    string RequesterName,
    ulong? FaultAddress,
    string Constraint,
    long TotalPages,
    IReadOnlyList<OomCandidate> Candidates,
    string PolicyName,
    int? VictimPid,
    long FramesFreed,
    long SwapSlotsFreed)
{
    /// <summary>The only constraint the simulation has: the whole machine is out of memory.</summary>
    public const string GlobalConstraint = "CONSTRAINT_NONE";

    /// <summary>The allocation's order (log2 of pages wanted): always 0, one page, as for a user page fault.</summary>
    public int Order => 0;

    /// <summary>The chosen process's entry in <see cref="Candidates"/>, with the figures it was chosen with; null when
    /// nothing was killed.</summary>
    public OomCandidate? Victim => VictimPid is { } pid ? Candidates.First(c => c.Pid == pid) : null;

    /// <summary>The <c>oom_badness</c> points of <paramref name="candidate"/> at this invocation (null when exempt).</summary>
    public long? PointsOf(OomCandidate candidate) => OomBadness.Points(candidate, TotalPages);

    /// <summary>What <c>/proc/PID/oom_score</c> showed for <paramref name="candidate"/> at this invocation.</summary>
    public long OomScoreOf(OomCandidate candidate) => OomBadness.OomScore(candidate, TotalPages);
}
