using MemKata.Grading.Layout;
using MemKata.Grading.Model;

namespace MemKata.Grading.Steps;

/// <summary>
/// Step 7, partial credit (docs/EXERCISES.md): a task's weight in <c>grader.json</c> is shared equally among the hidden
/// tests tagged with it; the snapshot checks (category <c>snapshots.category</c>) share the snapshot weight; reports
/// (category <c>reports.category</c>) carry no points. A bonus task's points come on top of the maximum. A test with no
/// task, or a task the manifest does not weigh, is worth nothing and is named in a note for the instructor; so is a
/// weighted task with no test, whose points nobody can earn. Tests come out in task order (untagged ones last; within a
/// task its tests, then its snapshot checks, then reports; run order otherwise), which every report keeps. A test of an
/// optional task (bonus in <c>grader.json</c> or <c>"optional"</c> in <c>.meta/config.json</c>) is marked as such.
/// With <see cref="GraderManifest.WholeTasks"/>, a task with a test that did not pass earns nothing (every one of its
/// tests gets 0 points), except the performance task, whose tests are steps of one index.
/// </summary>
internal static class Scorer
{
    /// <summary>What scoring gives.</summary>
    /// <param name="Tests">Every test with its points.</param>
    /// <param name="Tasks">Per-task scores (snapshot checks and reports left out), bonus tasks included.</param>
    /// <param name="Snapshots">The snapshot checks' score, or null when the grader has no snapshot weight.</param>
    /// <param name="Notes">Notes for the instructor.</param>
    public sealed record Result(
        IReadOnlyList<GradedTest> Tests, IReadOnlyList<TaskScore> Tasks, TaskScore? Snapshots, IReadOnlyList<string> Notes);

    /// <summary>Scores <paramref name="ran"/> by the manifest of <paramref name="exercise"/>.</summary>
    public static Result Score(ExerciseLayout exercise, IReadOnlyList<RanTest> ran)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var manifest = exercise.Manifest;
        var weights = manifest.Tasks.ToDictionary(t => t.Number);
        var snapshots = manifest.Snapshots;
        var notes = new List<string>();

        TestKind KindOf(RanTest t) =>
            t.Test.Categories.Contains(manifest.ReportCategory) ? TestKind.Report
            : snapshots is not null && t.Test.Categories.Contains(manifest.SnapshotCategory) ? TestKind.Snapshot
            : TestKind.Task;

        var kinds = ran.ToDictionary(t => t, KindOf);
        var snapshotCount = kinds.Count(k => k.Value == TestKind.Snapshot);
        var perTask = ran.Where(t => kinds[t] == TestKind.Task && t.Test.Task is not null)
            .GroupBy(t => t.Test.Task!.Value)
            .ToDictionary(g => g.Key, g => g.Count());

        var broken = manifest.WholeTasks
            ? ran.Where(t => kinds[t] == TestKind.Task && t.Status != TestStatus.Passed && t.Test.Task is { } n && n != manifest.Performance?.Task)
                .Select(t => t.Test.Task!.Value).ToHashSet()
            : [];

        double Worth(RanTest t) => kinds[t] switch
        {
            TestKind.Snapshot => snapshots!.Weight / snapshotCount,
            TestKind.Task when t.Test.Task is { } task && weights.TryGetValue(task, out var weight) => weight.Weight / perTask[task],
            _ => 0,
        };

        var optional = manifest.Tasks.Where(t => t.Bonus).Select(t => t.Number)
            .Concat((exercise.Config.Tasks ?? []).Where(t => t.Optional).Select(t => t.Number))
            .ToHashSet();
        var tests = ran.Select(t =>
        {
            var max = Worth(t);
            var task = kinds[t] == TestKind.Snapshot && t.Test.Task is null ? snapshots!.Task : t.Test.Task;
            return new GradedTest(t.Test.FullName, t.Test.Name, task, kinds[t], t.Status, t.Message, t.Output, t.DurationMs,
                t.Status == TestStatus.Passed && !(kinds[t] == TestKind.Task && task is { } b && broken.Contains(b)) ? max : 0, max)
            {
                Optional = kinds[t] == TestKind.Task && task is { } n && optional.Contains(n),
            };
        }).OrderBy(t => t.Task ?? int.MaxValue).ThenBy(t => t.Kind).ToList();

        foreach (var unweighted in ran.Where(t => kinds[t] == TestKind.Task && !(t.Test.Task is { } n && weights.ContainsKey(n))))
        {
            notes.Add($"{unweighted.Test.Name} is worth no points: it has " +
                (unweighted.Test.Task is { } n ? $"task {n}, which grader.json does not weigh." : "no [Task(n)]."));
        }

        var titles = (exercise.Config.Tasks ?? []).ToDictionary(t => t.Number, t => t.Title);
        var tasks = new List<TaskScore>();
        foreach (var weight in manifest.Tasks.OrderBy(t => t.Number))
        {
            var own = tests.Where(t => t.Kind == TestKind.Task && t.Task == weight.Number).ToList();
            if (own.Count == 0 && ran.Count > 0)
            {
                notes.Add($"grader.json gives task {weight.Number} {weight.Weight:0.##} points but no hidden test is tagged " +
                    $"[Task({weight.Number})]: nobody can earn them.");
            }

            var tally = Tally(weight.Number, titles.GetValueOrDefault(weight.Number), own, weight.Weight, weight.Bonus);
            tasks.Add(tally with { IsOptional = optional.Contains(weight.Number) });
        }

        var snapshotScore = snapshots is null
            ? null
            : Tally(snapshots.Task, "snapshot checks", [.. tests.Where(t => t.Kind == TestKind.Snapshot)], snapshots.Weight, false);
        return new Result(tests, tasks, snapshotScore, notes);
    }

    private static TaskScore Tally(int number, string? title, IReadOnlyList<GradedTest> own, double weight, bool bonus) =>
        new(number,
            title,
            Math.Round(own.Sum(t => t.Points), 4),
            weight,
            own.Count(t => t.Status == TestStatus.Passed),
            own.Count,
            own.Any(t => t.Status != TestStatus.NotImplemented),
            bonus);
}
