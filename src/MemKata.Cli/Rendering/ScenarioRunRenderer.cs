using MemKata.Cli.Scenarios;
using MemKata.Scenarios;
using MemKata.Scenarios.Summaries;
using Spectre.Console;

namespace MemKata.Cli.Rendering;

/// <summary>
/// The rich report of <c>memkata scenario run</c>: the explanation and machine, a table of steps, the key numbers, the
/// event log coloured by kind, a picture of RAM and swap, then the /proc views (processes with their status and
/// oom_score, meminfo, vmstat) as tables. The text format is <see cref="ScenarioResult.Render"/> instead.
/// </summary>
internal static class ScenarioRunRenderer
{
    /// <summary>Writes <paramref name="result"/> to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, ScenarioResult result)
    {
        var tables = new ScenarioTables(plain: false);
        var scenario = result.Scenario;
        var machine = result.Machine;
        console.Write(new Rule($"[bold]{Markup.Escape(scenario.Name)}[/]").LeftJustified());
        if (scenario.Explanation.Length > 0)
        {
            console.WriteLine(scenario.Explanation.TrimEnd());
        }

        console.WriteLine();
        FactList.Write(console, [("Machine", MachineText.Describe(machine))]);
        console.WriteLine();

        console.MarkupLine("[bold]Steps[/]");
        console.Write(tables.Steps(result));
        console.WriteLine();

        console.MarkupLine("[bold]Key numbers[/]");
        FactList.Write(console, ScenarioKeyNumbers.Of(result));
        console.WriteLine();

        console.MarkupLine("[bold]Event log[/] [dim](what the kernel did, in order; a run of faults on consecutive pages is one line)[/]");
        foreach (var e in machine.Events.Events)
        {
            console.MarkupLine($"[{ScenarioTables.ColorOf(e.Kind)}]{Markup.Escape(e.ToString())}[/]");
        }

        if (machine.Events.Dropped > 0)
        {
            console.MarkupLine($"[dim]... {SizeText.Number(machine.Events.Dropped)} more events not kept (capacity {SizeText.Number(machine.Events.Capacity)})[/]");
        }

        console.WriteLine();
        console.MarkupLine("[bold]Memory at the end[/]");
        MemoryPicture.Write(console, machine);
        console.WriteLine();
        console.MarkupLine("[bold]Processes[/] [dim](address space, /proc/PID/status, /proc/PID/oom_score)[/]");
        console.Write(tables.Processes(machine));
        console.MarkupLine("[bold]Mappings[/] [dim](/proc/PID/maps, top down)[/]");
        console.Write(tables.Maps(machine));
        console.WriteLine();
        console.Write(new Columns(tables.Meminfo(machine), tables.VmStat(machine)) { Expand = false });
        console.Profile.Out.Writer.Flush();
    }
}
