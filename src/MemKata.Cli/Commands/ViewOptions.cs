using System.CommandLine;
using MemKata.Scenarios.Views;

namespace MemKata.Cli.Commands;

/// <summary><c>--show page-table|lru|both</c> and <c>--step N</c> of <c>scenario run</c> and <c>scenario compare</c>:
/// views of the machine (each process's page table, the LRU lists) after every step, or after step N.</summary>
internal sealed class ViewOptions
{
    /// <summary>The value that shows the page tables.</summary>
    public const string PageTable = "page-table";

    /// <summary>The value that shows the LRU lists.</summary>
    public const string Lru = "lru";

    /// <summary>The value that shows both.</summary>
    public const string Both = "both";

    /// <summary><c>--show</c>.</summary>
    public Option<string?> Show { get; } = new("--show")
    {
        Description = "After each step (or the step --step names), show each process's page table (page-table: runs of " +
            "pages present, zero page, file, swapped; rw or r-; dirty), the LRU lists (lru: sizes and oldest pages), or both. " +
            "With --format html they are drawn in the page.",
        HelpName = "page-table|lru|both",
    };

    /// <summary><c>--step</c>.</summary>
    public Option<int?> Step { get; } = new("--step")
    {
        Description = "With --show: only after step N (0: after the processes started).",
        HelpName = "N",
    };

    /// <summary>Adds the options to <paramref name="command"/> (with <c>--format html</c> the views are drawn in the page).</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Show.AcceptOnlyFromAmong(PageTable, Lru, Both);
        command.Options.Add(Show);
        command.Options.Add(Step);
        command.Validators.Add(result =>
        {
            if (result.GetResult(Step) is not null && result.GetResult(Show) is null)
            {
                result.AddError("--step N chooses when --show shows the machine: give --show page-table|lru|both too.");
            }
        });
    }

    /// <summary>A recorder for what was asked, or null when nothing was.</summary>
    public static ViewRecorder? Recorder(string? show, int? step) => show is null
        ? null
        : new ViewRecorder(show is PageTable or Both, show is Lru or Both, step);
}
