using MemKata.Scenarios.Summaries;

namespace MemKata.Scenarios.Tests.Summaries;

public class EightGibRowTests
{
    [Test]
    public void Going_on_with_a_touch_ends_where_running_the_scenario_again_with_it_ends()
    {
        const string Name = "10-malloc-8-gib-on-4-gib-x86-64-overcommit-2-swap-8g";
        var scenario = BuiltInScenarios.Load(Name);
        var malloc = scenario.Steps.OfType<MallocStep>().First();
        var touch = new TouchStep(malloc.Process, malloc.Position, malloc.As, 0, null, Write: true);
        var again = ScenarioRunner.Run(scenario with { Steps = [.. scenario.Steps, touch] });

        var row = EightGibRow.From(Name, ScenarioRunner.Run(scenario), touchIfOnlyAllocated: true);

        Assert.Multiple(() =>
        {
            Assert.That(again.Steps[^1].Kind, Is.EqualTo(StepOutcomeKind.Touched));
            Assert.That(row.Touched, Is.EqualTo("every page written"));
            var process = again.Machine.Processes[0];
            Assert.That(row.AfterTouch, Is.EqualTo($"RSS {SizeText.Pages(process.ResidentPages)}, swapped out {SizeText.Pages(process.SwapEntries)}"));
        });
    }
}
