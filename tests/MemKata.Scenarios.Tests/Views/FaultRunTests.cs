using MemKata.Contracts.Kernel;
using MemKata.Engine.Kernel;
using MemKata.Scenarios.Views;

namespace MemKata.Scenarios.Tests.Views;

/// <summary><c>--show faults</c>: faults answered the same way are one run, at most <see cref="FaultRun.MaxPerStep"/>
/// runs a step, and a recorded run of a scenario gets each step's own faults with the handler's calls.</summary>
public class FaultRunTests
{
    private const string Calls = "FirstTouch: AllocateFrame, ZeroFill, MapPage rw";

    [Test]
    public void Faults_answered_the_same_way_on_pages_in_a_row_are_one_run()
    {
        var runs = new List<FaultRun>();

        FaultRun.Add(runs, new HandledFault(1, 0x1000, AccessKind.Write, Calls, FaultOutcome.Minor));
        FaultRun.Add(runs, new HandledFault(1, 0x2000, AccessKind.Write, Calls, FaultOutcome.Minor));
        FaultRun.Add(runs, new HandledFault(1, 0x3000, AccessKind.Read, Calls, FaultOutcome.Minor));
        FaultRun.Add(runs, new HandledFault(2, 0x4000, AccessKind.Read, Calls, FaultOutcome.Minor));
        FaultRun.Add(runs, new HandledFault(2, 0x5000, AccessKind.Read, "other", FaultOutcome.Minor));
        FaultRun.Add(runs, new HandledFault(2, 0x9000, AccessKind.Read, "other", FaultOutcome.Minor));

        Assert.That(runs, Is.EqualTo(new[]
        {
            new FaultRun(1, AccessKind.Write, 0x1000, 0x2000, 2, Calls, FaultOutcome.Minor),
            new FaultRun(1, AccessKind.Read, 0x3000, 0x3000, 1, Calls, FaultOutcome.Minor),
            new FaultRun(2, AccessKind.Read, 0x4000, 0x4000, 1, Calls, FaultOutcome.Minor),
            new FaultRun(2, AccessKind.Read, 0x5000, 0x5000, 1, "other", FaultOutcome.Minor),
            new FaultRun(2, AccessKind.Read, 0x9000, 0x9000, 1, "other", FaultOutcome.Minor),
        }));
    }

    [Test]
    public void Past_the_cap_faults_are_counted_in_one_last_run()
    {
        var runs = new List<FaultRun>();

        for (var i = 0; i < FaultRun.MaxPerStep + 10; i++)
        {
            FaultRun.Add(runs, new HandledFault(1, (ulong)i * 4096, i % 2 == 0 ? AccessKind.Read : AccessKind.Write, Calls, FaultOutcome.Minor));
        }

        Assert.Multiple(() =>
        {
            Assert.That(runs, Has.Count.EqualTo(FaultRun.MaxPerStep + 1));
            Assert.That(runs.Take(FaultRun.MaxPerStep), Has.None.Matches<FaultRun>(r => r.IsLeftOut));
            Assert.That(runs[^1].IsLeftOut, Is.True);
            Assert.That(runs[^1].Count, Is.EqualTo(10));
            Assert.That(runs[^1].Calls, Is.EqualTo("10 more faults, not shown"));
        });
    }

    [Test]
    public void A_recorded_run_gets_each_step_s_own_faults_with_the_handler_s_calls()
    {
        const string cow = "11-map-private-file-pages-are-copied-on-write";
        var scenario = BuiltInScenarios.Load(cow);
        var recorder = new ViewRequest(PageTables: false, Lru: false, Faults: true, Step: null).Recorder();

        var result = ScenarioRunner.Run(scenario, stepStarting: recorder.StepStarting);
        recorder.Finish(result.Steps.Count, result.Machine);

        var faulting = result.Steps.Where(s => s.MinorFaults + s.MajorFaults > 0).Select(s => s.Index).ToList();
        var write = recorder.Views.Single(v => v.AfterStep == faulting[^1]).Faults!;
        Assert.Multiple(() =>
        {
            Assert.That(recorder.Views.Where(v => v.AfterStep >= 1 && v.Faults!.Count > 0).Select(v => v.AfterStep), Is.EqualTo(faulting));
            Assert.That(recorder.Views.Where(v => v.AfterStep >= 1).Select(v => v.Faults!.Sum(r => r.Count)),
                Is.EqualTo(result.Steps.Select(s => s.MinorFaults + s.MajorFaults)), "every fault of each step, in its step");
            Assert.That(write.Sum(r => r.Count), Is.EqualTo(result.Steps.Single(s => s.Index == faulting[^1]).MinorFaults));
            Assert.That(recorder.Views.SelectMany(v => v.Faults!).Select(r => r.Calls), Has.All.Null, "the reference's calls are never shown");
        });
    }

    [Test]
    public void A_recorded_run_gets_each_step_s_own_reclaim_passes()
    {
        const string swap = "07-anonymous-pages-go-to-swap";
        var recorder = new ViewRequest(PageTables: false, Lru: false, Faults: false, Step: null, Reclaims: true).Recorder();

        var result = ScenarioRunner.Run(BuiltInScenarios.Load(swap), stepStarting: recorder.StepStarting);
        recorder.Finish(result.Steps.Count, result.Machine);

        var events = result.Machine.Events.Events;
        var perStep = result.Steps.Select(s => (long)events.Count(e => e.Kind == KernelEventKind.Reclaim && e.Sequence > s.EventsBefore && e.Sequence <= s.LastEvent));
        Assert.Multiple(() =>
        {
            Assert.That(recorder.Views.Where(v => v.AfterStep >= 1).Select(v => v.Reclaims!.Passes.Count + v.Reclaims.LeftOut), Is.EqualTo(perStep));
            Assert.That(perStep.Sum(), Is.GreaterThan(ReclaimLog.MaxPerStep), "the scenario reclaims more than a step keeps");
            Assert.That(recorder.Views.Select(v => v.Reclaims!.Passes.Count), Has.All.LessThanOrEqualTo(ReclaimLog.MaxPerStep));
        });
    }
}
