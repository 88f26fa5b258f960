using MemKata.Engine.Kernel;
using MemKata.Scenarios.Summaries;

namespace MemKata.Cli.Scenarios;

/// <summary>A machine's configuration in one line, as the reports show it.</summary>
internal static class MachineText
{
    /// <summary>E.g. <c>x86-64, RAM 64 MiB, swap 128 MiB, vm.overcommit_memory=0 (heuristic), swappiness 60,
    /// watermarks min/low/high 1 MiB/1.2 MiB/1.5 MiB</c>.</summary>
    public static string Describe(Machine machine)
    {
        var c = machine.Config;
        var w = machine.Watermarks;
        return $"{c.Architecture.Name}, RAM {SizeText.Bytes(c.RamBytes)}, swap {SizeText.Bytes(c.SwapBytes)}, " +
            $"vm.overcommit_memory={(int)c.Overcommit} ({Mode(c.Overcommit)}), swappiness {c.Swappiness}, " +
            $"watermarks min/low/high {SizeText.Pages(w.Min)}/{SizeText.Pages(w.Low)}/{SizeText.Pages(w.High)}";
    }

    /// <summary>What an overcommit mode does, in a few words.</summary>
    public static string Mode(OvercommitMode mode) => mode switch
    {
        OvercommitMode.Heuristic => "heuristic",
        OvercommitMode.Always => "always",
        _ => "never",
    };
}
