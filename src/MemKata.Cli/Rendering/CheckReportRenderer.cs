using MemKata.Grading.Checking;
using MemKata.Grading.Layout;
using MemKata.Grading.Model;

namespace MemKata.Cli.Rendering;

/// <summary>
/// <c>memkata check</c>'s report, plain text and the same bytes for the same files: the problems first, as a compiler
/// prints them (<c>FILE:LINE:COL: error ID: message</c>, the file as the learner reaches it from the current folder),
/// then the public tests task by task (the task's title from the exercise's manifest, how many pass, each test that
/// does not with the first line of its message), then one line saying where things stand.
/// </summary>
internal static class CheckReportRenderer
{
    private const string NoTask = "no task";

    /// <summary>Writes <paramref name="result"/> to <paramref name="output"/>; <paramref name="locate"/> turns a
    /// problem's file (as the exercise names it) into the path shown.</summary>
    public static void Write(TextWriter output, CheckResult result, ExerciseLayout exercise, Func<string, string> locate)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(exercise);
        foreach (var problem in result.Problems)
        {
            output.WriteLine((problem.File is { } file ? problem with { File = locate(file) } : problem).ToString());
        }

        if (result.Failure is { } failure)
        {
            output.WriteLine($"{result.Slug}: memkata could not check your code (not your code's fault): {failure}");
        }
        else if (!result.Ran)
        {
            var errors = result.Problems.Count(p => p.IsError);
            output.WriteLine($"{result.Slug}: {Stopped(result)} ({errors} error{(errors == 1 ? "" : "s")} above): no public test ran.");
        }
        else
        {
            WriteTasks(output, result, exercise);
        }

        foreach (var note in result.Notes)
        {
            output.WriteLine(note);
        }

        output.Flush();
    }

    private static string Stopped(CheckResult result) =>
        result.Problems.Any(p => p.IsError && (p.Id.StartsWith("CS", StringComparison.Ordinal) || p.Id == "MKG001"))
            ? "your code does not compile"
            : "your code was not run: what the grader refuses is marked 'error'";

    private static void WriteTasks(TextWriter output, CheckResult result, ExerciseLayout exercise)
    {
        var tasks = exercise.Config.Tasks ?? [];
        var groups = result.Tests.GroupBy(t => t.Task).OrderBy(g => g.Key ?? int.MaxValue).ToList();
        var labels = groups.Select(g => Label(g.Key, tasks)).ToList();
        var width = labels.Max(l => l.Length) + 2;
        for (var i = 0; i < groups.Count; i++)
        {
            var tests = groups[i].ToList();
            var passed = tests.Count(t => t.Passed);
            var mark = passed == tests.Count ? "done" : passed == 0 ? "not passing" : "partly passing";
            output.WriteLine($"{labels[i].PadRight(width)}{passed} of {tests.Count} pass   {mark}");
            foreach (var test in tests.Where(t => !t.Passed))
            {
                output.WriteLine($"  FAIL {test.Name}: {Outcome(test)}");
            }
        }

        var total = result.Tests.Count;
        var passing = result.Tests.Count(t => t.Passed);
        var next = groups.FirstOrDefault(g => g.Any(t => !t.Passed))?.Key;
        output.WriteLine(result.AllPassed
            ? $"{result.Slug}: all {total} public tests pass. The hidden tests check more: run the scenarios (scenario compare) too."
            : $"{result.Slug}: {passing} of {total} public tests pass." +
                (next is { } task ? $" Next: task {task}, see .docs/instructions.md." : ""));
    }

    private static string Label(int? task, IReadOnlyList<ExerciseTask> tasks)
    {
        if (task is not { } number)
        {
            return NoTask;
        }

        var known = tasks.FirstOrDefault(t => t.Number == number);
        var title = known?.Title is { Length: > 0 } name ? $" {name}" : "";
        return $"Task {number}{title}{(known?.Optional == true ? " (optional)" : "")}";
    }

    private static string Outcome(CheckedTest test) =>
        test.Status == TestStatus.Crashed ? $"crashed: {test.FirstLine}" : test.FirstLine;
}
