using System.Globalization;
using MemKata.Oracle;
using Spectre.Console;

namespace MemKata.Cli.Rendering;

/// <summary>Writes the result of <c>memkata bench</c>: one table row per trace with the engine's and the real glibc's
/// nanoseconds per operation and their ratio.</summary>
internal static class SideBySideReport
{
    /// <summary>Writes <paramref name="rows"/> (possibly none, when the first trace failed) to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, IReadOnlyList<BenchmarkRow> rows, int rounds, string glibcVersion)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var plural = rounds == 1 ? string.Empty : "s";
        console.MarkupLine(Markup.Escape(
            $"The engine (glibc 2.36 malloc, simulated) against this machine's real glibc {glibcVersion}"));
        console.MarkupLine(Markup.Escape(Invariant(
            $"{rounds} timed round{plural} per trace after 1 warm-up, the same protocol on both sides; wall-clock ns per operation")));
        var table = new Table()
            .AddColumn("trace")
            .AddColumn(new TableColumn("operations").RightAligned())
            .AddColumn(new TableColumn("engine ns/op").RightAligned())
            .AddColumn(new TableColumn("glibc ns/op").RightAligned())
            .AddColumn(new TableColumn("engine / glibc").RightAligned());
        foreach (var row in rows)
        {
            table.AddRow(
                Markup.Escape(row.Trace),
                Invariant($"{row.Operations}"),
                Invariant($"{row.EngineNsPerOp:N1}"),
                Invariant($"{row.GlibcNsPerOp:N1}"),
                double.IsNaN(row.Ratio) ? "n/a" : Invariant($"{row.Ratio:N1}×"));
        }

        console.Write(table);
        console.Profile.Out.Writer.Flush();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
