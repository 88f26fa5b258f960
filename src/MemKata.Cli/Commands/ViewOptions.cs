using System.CommandLine;
using MemKata.Scenarios.Views;

namespace MemKata.Cli.Commands;

/// <summary><c>--show page-table|lru|faults|reclaim|both|all</c> and <c>--step N</c> of <c>scenario run</c> and
/// <c>scenario compare</c>: views of the machine (each process's page table, the LRU lists, the step's page faults with
/// what the handler called for each) after every step, or after step N (<see cref="ViewRequest"/>).</summary>
internal sealed class ViewOptions
{
    private const string Choices = "page-table|lru|faults|reclaim|both|all";

    /// <summary><c>--show</c>.</summary>
    public Option<string?> Show { get; } = new("--show")
    {
        Description = "After each step (or the step --step names), show each process's page table (page-table: runs of " +
            "pages present, zero page, file, swapped; rw or r-; dirty), the LRU lists (lru: sizes and oldest pages), the " +
            "step's page faults with the fault handler's calls for each, by method (faults), the step's reclaim passes with " +
            "the LRU lists' sizes before and after each and what moved (reclaim), page tables and LRU lists (both), or all " +
            "four (all). With --format html they are drawn in the page.",
        HelpName = Choices,
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
        Show.AcceptOnlyFromAmong([.. ViewRequest.Values]);
        command.Options.Add(Show);
        command.Options.Add(Step);
        command.Validators.Add(result =>
        {
            if (result.GetResult(Step) is not null && result.GetResult(Show) is null)
            {
                result.AddError($"--step N chooses when --show shows the machine: give --show {Choices} too.");
            }
        });
    }

    /// <summary>What was asked, or null when nothing was.</summary>
    public static ViewRequest? Request(string? show, int? step) => show is null ? null : ViewRequest.Parse(show, step);
}
