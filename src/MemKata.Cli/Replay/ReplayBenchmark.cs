using MemKata.Engine;
using MemKata.Engine.Traces;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace MemKata.Cli.Replay;

/// <summary>Times the engine on a trace: each round replays the whole trace in a fresh simulated process, with no
/// system-call log, and only the operations are on the clock.</summary>
internal static class ReplayBenchmark
{
    /// <summary>Replays <paramref name="trace"/> <paramref name="rounds"/> times (at least once) and measures the
    /// operations with a <see cref="System.Diagnostics.Stopwatch"/>. The caller runs the trace once first (to warm up the JIT and to report
    /// a crash with its operation): an allocator exception here passes through.</summary>
    public static BenchmarkResult Measure(Trace trace, AllocatorFactory factory, int rounds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var clock = new Stopwatch();
        for (var round = 0; round < rounds; round++)
        {
            var replayer = new TraceReplayer(trace, factory);
            clock.Start();
            while (!replayer.IsFinished)
            {
                replayer.Step();
            }

            clock.Stop();
        }

        return new BenchmarkResult(trace.Source, rounds, trace.Operations.Count, clock.Elapsed);
    }
}
