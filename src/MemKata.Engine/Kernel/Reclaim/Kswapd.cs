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

    private readonly FrameTable _frames;
    private readonly Watermarks _marks;
    private readonly MachineConfig _config;
    private readonly Reclaimer _reclaimer;
    private readonly VmStat _vmStat;
    private readonly EventLog _events;
    private int _sinceLastBatch;
    private int _failures;

    internal Kswapd(FrameTable frames, Watermarks marks, MachineConfig config, Reclaimer reclaimer, VmStat vmStat, EventLog events)
    {
        _frames = frames;
        _marks = marks;
        _config = config;
        _reclaimer = reclaimer;
        _vmStat = vmStat;
        _events = events;
    }

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
        _events.Add(0, KernelEventKind.Kswapd,
            $"kswapd wakes: {_frames.FreeFrames} pages free, low watermark {_marks.Low} (reclaims up to high {_marks.High})");
    }

    /// <summary>Counts one frame allocation; runs a batch when kswapd's turn has come.</summary>
    internal void Tick()
    {
        if (IsAwake && ++_sinceLastBatch >= _config.KswapdPeriod)
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
        var high = _marks.High;
        if (_frames.FreeFrames > high)
        {
            Sleep();
            return;
        }

        _vmStat.PageOutRun++;
        var wanted = Math.Min(_config.KswapdBatchPages, high + 1 - _frames.FreeFrames);
        var freed = _reclaimer.Run(ReclaimMode.Background, wanted, 0);
        _failures = freed > 0 ? 0 : _failures + 1;
        if (_frames.FreeFrames > high || _failures >= MaxFailures)
        {
            Sleep();
        }
    }

    private void Sleep()
    {
        IsAwake = false;
        var why = _failures >= MaxFailures ? "gives up: nothing more can be reclaimed" : "sleeps: free memory is above the high watermark";
        _events.Add(0, KernelEventKind.Kswapd, $"kswapd {why} ({_frames.FreeFrames} pages free)");
    }
}
