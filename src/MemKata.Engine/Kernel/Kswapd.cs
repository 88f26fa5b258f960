using MemKata.Contracts.Kernel;

namespace MemKata.Engine.Kernel;

/// <summary>
/// kswapd, the background reclaimer (mm/vmscan.c: <c>kswapd</c>, <c>balance_pgdat</c>): woken when free memory falls to
/// the low watermark, it reclaims until free memory is above the high watermark, then sleeps. The real one runs on
/// another CPU beside the programs; here it runs interleaved and deterministic: while awake, one batch every
/// <see cref="MachineConfig.KswapdPeriod"/> frame allocations, and to completion whenever the machine idles. An
/// allocator faster than kswapd therefore still reaches the min watermark and reclaims directly, as on a real box.
/// </summary>
public sealed class Kswapd
{
    /// <summary>Passes without progress after which kswapd gives up until woken again (Linux's MAX_RECLAIM_RETRIES).</summary>
    public const int MaxFailures = 16;

    private readonly Machine _machine;
    private int _sinceLastBatch;
    private int _failures;

    internal Kswapd(Machine machine) => _machine = machine;

    /// <summary>True while kswapd is awake.</summary>
    public bool IsAwake { get; private set; }

    /// <summary>Times kswapd was woken.</summary>
    public long Wakeups { get; private set; }

    /// <summary>Wakes kswapd (no-op when awake).</summary>
    internal void Wake()
    {
        if (IsAwake)
        {
            return;
        }

        IsAwake = true;
        Wakeups++;
        _sinceLastBatch = 0;
        _failures = 0;
        var marks = _machine.Watermarks;
        _machine.Events.Add(0, KernelEventKind.Kswapd,
            $"kswapd wakes: {_machine.Physical.FreeFrames} pages free, low watermark {marks.Low} (reclaims up to high {marks.High})");
    }

    /// <summary>Counts one frame allocation; runs a batch when kswapd's turn has come.</summary>
    internal void Tick()
    {
        if (IsAwake && ++_sinceLastBatch >= _machine.Config.KswapdPeriod)
        {
            _sinceLastBatch = 0;
            RunBatch();
        }
    }

    /// <summary>Runs batches until balanced or out of progress (the machine is idle, kswapd has the CPU to itself).</summary>
    internal void RunUntilBalanced()
    {
        while (IsAwake)
        {
            RunBatch();
        }
    }

    private void RunBatch()
    {
        var physical = _machine.Physical;
        var high = _machine.Watermarks.High;
        if (physical.FreeFrames > high)
        {
            Sleep();
            return;
        }

        _machine.VmStat.PageOutRun++;
        var wanted = Math.Min(_machine.Config.KswapdBatchPages, high + 1 - physical.FreeFrames);
        var freed = _machine.Reclaimer.Run(ReclaimMode.Background, wanted, 0);
        _failures = freed > 0 ? 0 : _failures + 1;
        if (physical.FreeFrames > high || _failures >= MaxFailures)
        {
            Sleep();
        }
    }

    private void Sleep()
    {
        IsAwake = false;
        var why = _failures >= MaxFailures ? "gives up: nothing more can be reclaimed" : "sleeps: free memory is above the high watermark";
        _machine.Events.Add(0, KernelEventKind.Kswapd, $"kswapd {why} ({_machine.Physical.FreeFrames} pages free)");
    }
}
