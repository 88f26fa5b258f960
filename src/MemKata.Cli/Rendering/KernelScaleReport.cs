using System.Globalization;
using MemKata.Oracle;
using MemKata.Scenarios;
using Spectre.Console;

namespace MemKata.Cli.Rendering;

/// <summary>Writes the result of <c>memkata bench --kernel</c>: the simulated machine's cost per page fault against this
/// machine's real kernel, and the managed memory the simulation held.</summary>
internal static class KernelScaleReport
{
    /// <summary>Writes <paramref name="result"/> to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, KernelScaleResult result)
    {
        var w = result.Workload;
        var plural = result.Rounds == 1 ? string.Empty : "s";
        console.MarkupLine(Markup.Escape(
            $"One process touching {ByteSize.Format(w.TouchBytes)}, one byte per page, on a simulated machine with " +
            $"{ByteSize.Format(w.RamBytes)} of RAM and {(w.SwapBytes == 0 ? "no" : ByteSize.Format(w.SwapBytes))} swap, " +
            $"against this machine's real kernel taking first-touch faults on {ByteSize.Format(w.RealTouchBytes)}"));
        console.MarkupLine(Markup.Escape(Invariant(
            $"{result.Rounds} timed round{plural} per side after a small warm-up, alternating; medians; wall-clock time")));
        var table = new Table()
            .AddColumn("side")
            .AddColumn(new TableColumn("page faults").RightAligned())
            .AddColumn(new TableColumn("swapped out").RightAligned())
            .AddColumn(new TableColumn("time").RightAligned())
            .AddColumn(new TableColumn("ns/fault").RightAligned())
            .AddColumn(new TableColumn("managed memory").RightAligned());
        var realFaults = (long)(w.RealTouchBytes / 4096);
        table.AddRow(
            "real kernel (first touch, no swap)",
            Invariant($"{realFaults:N0}"),
            "-",
            Invariant($"{result.RealNsPerFault * realFaults / 1e6:N0} ms"),
            Invariant($"{result.RealNsPerFault:N0}"),
            "-");
        table.AddRow(
            "simulated machine (faults, reclaim, swap)",
            Invariant($"{result.Faults:N0}"),
            Invariant($"{result.SwappedOut:N0}"),
            Invariant($"{result.SimulatedMilliseconds:N0} ms"),
            Invariant($"{result.SimulatedNsPerFault:N0}"),
            Invariant($"{result.ManagedBytes / (1024.0 * 1024.0):N0} MiB"));
        console.Write(table);
        console.MarkupLine(Markup.Escape(double.IsNaN(result.Ratio)
            ? "simulated / real per fault: n/a (the real side took no measurable time)"
            : Invariant($"simulated / real per fault: {result.Ratio:N1}×")));
        console.Profile.Out.Writer.Flush();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
