using MemKata.Grading.Layout;
using MemKata.Grading.Model;

namespace MemKata.Grading.Steps;

/// <summary>
/// Step 7, partial credit (docs/EXERCISES.md): a task's weight in <c>grader.json</c> is shared equally among the hidden
/// tests tagged with it; the snapshot checks share the snapshot weight and count toward the snapshot task. A test with
/// no task, or a task the manifest does not weigh, is worth nothing and is named in a note for the instructor; so is a
/// weighted task with no test, whose points nobody can earn.
/// </summary>
internal static class Scorer
{
    /// <summary>The scored tests, the per-task scores and the notes for the instructor.</summary>
    public static (IReadOnlyList<GradedTest> Tests, IReadOnlyList<TaskScore> Tasks, IReadOnlyList<string> Notes) Score(
        ExerciseLayout exercise, IReadOnlyList<RanTest> ran)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var manifest = exercise.Manifest;
        var weights = manifest.Tasks.ToDictionary(t => t.Number, t => t.Weight);
        var snapshots = manifest.Snapshots;
        var notes = new List<string>();

        string? Pool(RanTest t) =>
            t.Test.IsSnapshot && snapshots is not null ? "snapshots"
            : t.Test.Task is { } task && weights.ContainsKey(task) ? $"task {task}"
            : null;

        var poolSizes = ran.GroupBy(Pool).Where(g => g.Key is not null).ToDictionary(g => g.Key!, g => g.Count());
        double Worth(RanTest t) => Pool(t) switch
        {
            "snapshots" => snapshots!.Weight / poolSizes["snapshots"],
            { } pool => weights[t.Test.Task!.Value] / poolSizes[pool],
            null => 0,
        };

        var tests = ran.Select(t =>
        {
            var max = Worth(t);
            return new GradedTest(
                t.Test.FullName,
                t.Test.Name,
                t.Test.IsSnapshot && snapshots is not null ? snapshots.Task : t.Test.Task,
                t.Test.IsSnapshot,
                t.Status,
                t.Message,
                t.Output,
                t.DurationMs,
                t.Status == TestStatus.Passed ? max : 0,
                max);
        }).ToList();

        foreach (var unweighted in ran.Where(t => Pool(t) is null))
        {
            notes.Add($"{unweighted.Test.Name} is worth no points: it has {(unweighted.Test.Task is { } n ? $"task {n}, which grader.json does not weigh" : "no [Task(n)]")}.");
        }

        var numbers = weights.Keys.Concat(snapshots is null ? [] : [snapshots.Task]).Distinct().Order();
        var titles = (exercise.Config.Tasks ?? []).ToDictionary(t => t.Number, t => t.Title);
        var tasks = new List<TaskScore>();
        foreach (var number in numbers)
        {
            var own = tests.Where(t => t.Task == number).ToList();
            var max = weights.GetValueOrDefault(number) + (snapshots?.Task == number ? snapshots.Weight : 0);
            if (own.Count == 0)
            {
                notes.Add($"grader.json gives task {number} {max:0.##} points but no hidden test is tagged [Task({number})]: nobody can earn them.");
            }

            tasks.Add(new TaskScore(
                number,
                titles.GetValueOrDefault(number),
                own.Sum(t => t.Points),
                max,
                own.Count(t => t.Status == TestStatus.Passed),
                own.Count,
                own.Any(t => t.Status != TestStatus.NotImplemented)));
        }

        return (tests, tasks, notes);
    }
}
