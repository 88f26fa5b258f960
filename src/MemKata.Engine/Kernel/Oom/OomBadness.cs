using MemKata.Contracts.Kernel;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The two formulas a learner meets at the OOM killer: <c>oom_badness</c> (mm/oom_kill.c), the points a process is
/// chosen by, and <c>/proc/PID/oom_score</c> (fs/proc/base.c <c>proc_oom_score</c>), what <c>cat</c> shows of them.
/// </summary>
public static class OomBadness
{
    /// <summary>The oom_score_adj that exempts a process (OOM_SCORE_ADJ_MIN).</summary>
    public const int Exempt = -1000;

    /// <summary>
    /// <c>oom_badness</c>: resident pages + swap entries + page-table pages, plus oom_score_adj × (totalPages / 1000)
    /// (integer division first, as the kernel does). Null for an exempt process (adj -1000), which Linux marks LONG_MIN.
    /// </summary>
    public static long? Points(OomCandidate candidate, long totalPages)
    {
        if (candidate.OomScoreAdj == Exempt)
        {
            return null;
        }

        var points = candidate.ResidentPages + candidate.SwapEntries + candidate.PageTablePages;
        return points + (candidate.OomScoreAdj * (totalPages / 1000));
    }

    /// <summary>
    /// <c>/proc/PID/oom_score</c>: 0 for an exempt process, else (1000 + badness × 1000 / totalPages) × 2 / 3 in C's
    /// signed integer arithmetic (truncating toward zero), which maps badness onto 0..2000 and then scales it by 2/3.
    /// </summary>
    public static long OomScore(OomCandidate candidate, long totalPages)
    {
        var badness = Points(candidate, totalPages);
        return badness is null ? 0 : (1000 + (badness.Value * 1000 / totalPages)) * 2 / 3;
    }
}
