using MemKata.Cli.Scenarios;
using MemKata.Scenarios;
using MemKata.Scenarios.Summaries;
using Spectre.Console;

namespace MemKata.Cli.Rendering;

/// <summary>
/// The tour's pages: an introduction, then for each built-in scenario its title, explanation, machine, a table of its
/// steps, its key numbers, a picture of RAM and swap, a table of its processes and their mappings; at the end, the "malloc 8 GiB on a
/// 4 GiB machine" table assembled from the variants. In the text format everything is drawn with ASCII and a fixed
/// width, so that the output is the same byte for byte on every run and terminal.
/// </summary>
internal sealed class TourRenderer(IAnsiConsole console, bool plain)
{
    private const string Introduction =
        "What really happens behind malloc, from glibc's heap down to the kernel's page tables, reclaim, swap and the " +
        "OOM killer. Each stop runs one built-in scenario on a simulated Linux machine (glibc 2.36's malloc, decision for " +
        "decision, over a kernel that pages, reclaims, swaps and kills as Linux 6.x does) and shows what came of it.\n" +
        "To see a stop's whole event log and /proc files: memkata scenario run --builtin NAME.";

    private readonly IAnsiConsole _console = console;
    private readonly bool _plain = plain;
    private readonly ScenarioTables _tables = new(plain);

    /// <summary>The tour's heading and introduction.</summary>
    public void Introduce(int stops)
    {
        _console.Write(Rule($"[bold]MemKata tour: {stops} stop{(stops == 1 ? "" : "s")} behind malloc[/]"));
        _console.WriteLine(Introduction);
        _console.WriteLine();
    }

    /// <summary>One stop: scenario <paramref name="name"/>, number <paramref name="number"/> of <paramref name="stops"/>.</summary>
    public void Stop(int number, int stops, string name, ScenarioResult result)
    {
        var scenario = result.Scenario;
        _console.Write(Rule($"[bold]{number}/{stops}  {Markup.Escape(scenario.Name)}[/] [dim]({Markup.Escape(name)})[/]"));
        if (scenario.Explanation.Length > 0)
        {
            _console.WriteLine(scenario.Explanation.TrimEnd());
            _console.WriteLine();
        }

        FactList.Write(_console, [("Machine", MachineText.Describe(result.Machine))]);
        _console.WriteLine();
        _console.MarkupLine("[bold]What happened[/]");
        _console.Write(_tables.Steps(result));
        _console.WriteLine();
        _console.MarkupLine("[bold]Key numbers[/]");
        FactList.Write(_console, ScenarioKeyNumbers.Of(result));
        _console.WriteLine();
        _console.MarkupLine("[bold]Memory at the end[/]");
        MemoryPicture.Write(_console, result.Machine);
        _console.Write(_tables.Processes(result.Machine));
        if (result.Machine.Processes.Any(p => p.IsAlive))
        {
            _console.MarkupLine("[bold]Address space[/] [dim](top down: the mmap area sits far above the heap)[/]");
            _console.Write(_tables.Maps(result.Machine));
        }

        _console.WriteLine();
        _console.Profile.Out.Writer.Flush();
    }

    /// <summary>The closing table: every "malloc 8 GiB on a 4 GiB machine" variant, allocated only and touched.</summary>
    public void EightGibTable(IReadOnlyList<EightGibRow> variants)
    {
        _console.Write(Rule("[bold]malloc(8 GiB) on a 4 GiB machine: the whole table[/]"));
        _console.WriteLine(
            "\"On 64-bit, malloc(8 GiB) on a 4 GiB machine is fine\" is only half true. Whether malloc succeeds depends on the " +
            "address space and on vm.overcommit_memory; whether the memory can then be used depends on RAM + swap. The " +
            "'touched' column is the outcome of writing one byte in every page of the block.");
        _console.WriteLine();
        var table = _tables.NewTable().AddColumn("arch").AddColumn(new TableColumn("overcommit").RightAligned())
            .AddColumn(new TableColumn("swap").RightAligned()).AddColumn("the rule that decides")
            .AddColumn("malloc(8 GiB)").AddColumn("touched").AddColumn("after touching");
        foreach (var v in variants)
        {
            var allocated = v.Refused ? $"[yellow]{v.Allocated}[/]" : $"[green]{v.Allocated}[/]";
            var touched = v.Killed ? $"[red]{v.Touched}[/]" : Markup.Escape(v.Touched);
            table.AddRow(
                Markup.Escape(v.Config.Architecture.Name),
                $"{(int)v.Config.Overcommit} ({MachineText.Mode(v.Config.Overcommit)})",
                SizeText.Bytes(v.Config.SwapBytes),
                Markup.Escape(v.Limit),
                allocated,
                touched,
                Markup.Escape(v.AfterTouch));
        }

        _console.Write(table);
        _console.WriteLine(
            "Allocating is a promise of address space; touching is what takes RAM. Mode 0 refuses only the obviously " +
            "impossible, mode 1 promises anything and lets the OOM killer settle the bill, mode 2 keeps every promise it " +
            "makes by refusing beyond CommitLimit.");
        _console.Profile.Out.Writer.Flush();
    }

    private Rule Rule(string title) => new Rule(title) { Border = _plain ? BoxBorder.Ascii : BoxBorder.Square }.LeftJustified();
}
