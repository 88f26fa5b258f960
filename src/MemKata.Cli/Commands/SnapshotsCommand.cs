using System.CommandLine;
using MemKata.Cli.Rendering;
using MemKata.Grading;
using MemKata.Grading.Layout;
using MemKata.Grading.Model;
using Spectre.Console;

namespace MemKata.Cli.Commands;

/// <summary><c>memkata snapshots update SLUG [--repo DIR]</c>: regenerates a grader's committed snapshots from the
/// exercise's reference solution.</summary>
internal static class SnapshotsCommand
{
    /// <summary>Shown after the command's help: examples and exit codes.</summary>
    public const string HelpSection =
        "Examples:\n" +
        "  memkata snapshots update allocator     rewrite graders/allocator/__snapshots__ from the reference\n\n" +
        "It runs the reference solution (.meta/) through the hidden tests in a record job: every snapshot check hands\n" +
        "back what it sees instead of comparing, and memkata writes the *.snap files (and deletes those no check\n" +
        "recorded) once the worker is gone. This command is the only way snapshots change: grading never writes them.\n" +
        "Review the diff (git diff graders/) and commit it with the change that caused it.\n\n" +
        "Exit codes:\n" +
        "  0   snapshots written and every hidden test passed on the reference\n" +
        "  1   snapshots written, but some hidden test failed on the reference: fix the grader or the reference\n" +
        "  2   bad options, an unknown exercise, a malformed manifest\n" +
        "  70  memkata itself failed";

    /// <summary>Builds <c>snapshots</c> with its <c>update</c> subcommand.</summary>
    public static (Command Snapshots, Command Update) Create(CliContext context)
    {
        var slug = new Argument<string>("SLUG") { Description = "The exercise whose grader's snapshots to rewrite, e.g. allocator." };
        var repo = new Option<string?>("--repo")
        {
            Description = "The MemKata repository. Default: the folder holding MemKata.sln, at or above the current one.",
            HelpName = "DIR",
        };
        var update = new Command("update", "Rewrite a grader's snapshots from the exercise's reference solution.") { slug, repo };
        update.SetAction(parse => Run(context, parse.GetValue(slug)!, parse.GetValue(repo)));
        var snapshots = new Command("snapshots", "Maintain the graders' committed snapshots (instructors).") { update };
        return (snapshots, update);
    }

    private static int Run(CliContext context, string slug, string? repo)
    {
        SnapshotUpdater.Result result;
        try
        {
            var root = repo is not null ? Path.GetFullPath(repo) : RepositoryRoot.Find(Directory.GetCurrentDirectory());
            InstructorRepository.Require(root, "snapshots update");
            result = SnapshotUpdater.Update(ExerciseLayout.Load(root, slug));
        }
        catch (GradingInputException e)
        {
            context.Error.WriteLine($"memkata: {e.Message}");
            return ExitCodes.UsageError;
        }

        var console = ConsoleFactory.Create(context.Out, context.UseColor);
        console.MarkupLine($"Removed {result.Removed} snapshot file(s) that no check records any more; wrote {result.Written.Count}:");
        foreach (var file in result.Written)
        {
            console.MarkupLine($"  {Markup.Escape(file)}");
        }

        // The reference need not do an optional task (a bonus, or one worth no points, like the allocator's "be glibc"
        // level): those tests feed no snapshot.
        var bonusTasks = result.Report.Tasks.Where(t => t.IsBonus || t.MaxPoints == 0).Select(t => (int?)t.Number).ToHashSet();
        var failed = result.Report.Tests.Where(t => t.Status != TestStatus.Passed).ToList();
        var failedBonus = failed.Where(t => bonusTasks.Contains(t.Task)).ToList();
        if (result.Report.Outcome == GradeOutcome.Graded && failed.Count == failedBonus.Count)
        {
            var graded = result.Report.Tests.Count - failedBonus.Count;
            console.MarkupLine(failedBonus.Count == 0
                ? $"The reference passes all {result.Report.Tests.Count} hidden tests."
                : $"The reference passes all {graded} hidden tests of the graded tasks; it does not do the optional " +
                  $"task{(bonusTasks.Count == 1 ? string.Empty : "s")} {string.Join(", ", bonusTasks.Order())} ({failedBonus.Count} test(s), no snapshots).");
            return ExitCodes.Success;
        }

        console.WriteLine();
        GradeReportRenderer.Write(console, result.Report);
        context.Error.WriteLine("memkata: the reference solution does not pass every hidden test: the snapshots may be incomplete.");
        return 1;
    }
}
