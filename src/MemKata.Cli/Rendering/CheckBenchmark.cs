using System.Diagnostics;
using System.Globalization;
using MemKata.Grading.Checking;
using MemKata.Grading.Layout;

namespace MemKata.Cli.Rendering;

/// <summary>
/// <c>memkata check --bench N</c>: the learner loop measured as a learner lives it (docs/PERFORMANCE.md, "The learner
/// loop"). The learner's files are copied to a scratch folder (the learner's own are never written), checked once with
/// no worker running (the first run), then watched as <c>--watch</c> watches them; N times, after a pause in which a
/// learner would be typing, a comment line is appended to the copy and the time from that save to its result is taken.
/// Printed: the first run, each phase of it, then the warm saves' min, median and max, their phases, and the median save
/// against the first run, all measured in the same process on this machine. A measurement, not a test.
/// </summary>
internal static class CheckBenchmark
{
    /// <summary>How long the learner "types" before each save: the test worker started ahead loads meanwhile.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan _giveUp = TimeSpan.FromMinutes(5);

    /// <summary>Runs the benchmark on the files of <paramref name="exercise"/> in <paramref name="submission"/> and
    /// writes its table to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, ExerciseLayout exercise, string submission, int rounds)
    {
        var scratch = Directory.CreateTempSubdirectory("memkata-check-bench-").FullName;
        try
        {
            foreach (var file in exercise.Config.Files.Solution)
            {
                var target = Path.Combine(scratch, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(submission, file), target);
            }

            var (first, saves) = Measure(exercise, scratch, rounds);
            Report(output, exercise, first, saves);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static (CheckResult First, List<(TimeSpan SaveToResult, CheckResult Result)> Saves) Measure(
        ExerciseLayout exercise, string scratch, int rounds)
    {
        using var check = new LearnerCheck(exercise, scratch);
        var first = check.Run();
        using var results = new System.Collections.Concurrent.BlockingCollection<CheckResult>();
        using var stop = new CancellationTokenSource();
        var watching = Task.Run(() => CheckWatch.Run(check, (result, _) => results.Add(result), stop.Token));
        var saves = new List<(TimeSpan, CheckResult)>();
        try
        {
            Take(results);
            var saved = Path.Combine(scratch, exercise.Config.Files.Solution[0]);
            for (var round = 1; round <= rounds; round++)
            {
                Thread.Sleep(Pause);
                var clock = Stopwatch.StartNew();
                File.AppendAllText(saved, $"\n// memkata check --bench: save {round}\n");
                var result = Take(results);
                saves.Add((clock.Elapsed, result));
            }
        }
        finally
        {
            stop.Cancel();
            watching.Wait();
        }

        return (first, saves);
    }

    private static CheckResult Take(System.Collections.Concurrent.BlockingCollection<CheckResult> results) =>
        results.TryTake(out var result, _giveUp)
            ? result
            : throw new TimeoutException($"no result {_giveUp.TotalMinutes:0} minutes after a save: the watcher saw no change.");

    private static void Report(TextWriter output, ExerciseLayout exercise, CheckResult first, List<(TimeSpan SaveToResult, CheckResult Result)> saves)
    {
        var passing = first.Tests.Count(t => t.Passed);
        output.WriteLine($"{exercise.Slug}: {passing} of {first.Tests.Count} public tests pass; {Environment.ProcessorCount} cores, " +
            $"load average {LoadAverage()}");
        output.WriteLine($"first run (workers started cold): {Ms(first.Timings.Total)}: collect {Ms(first.Timings.Collect)}, " +
            $"compile {Ms(first.Timings.Compile)}, tests {Ms(first.Timings.Tests)}; CPU: compile worker {Ms(first.Timings.CompileCpu)}, " +
            $"test worker {Ms(first.Timings.TestCpu)}");
        output.WriteLine($"{saves.Count} saves, {Pause.TotalSeconds:0} s apart, each from the save to its result (watcher, " +
            $"{CheckWatch.Debounce.TotalMilliseconds:0} ms debounce, compile, tests):");
        output.WriteLine($"  {"phase",-22}{"min",9}{"median",9}{"max",9}");
        Row(output, "save to result", saves.Select(s => s.SaveToResult));
        Row(output, "  run", saves.Select(s => s.Result.Timings.Total));
        Row(output, "    compile", saves.Select(s => s.Result.Timings.Compile));
        Row(output, "    tests", saves.Select(s => s.Result.Timings.Tests));
        Row(output, "  compile worker CPU", saves.Select(s => s.Result.Timings.CompileCpu));
        Row(output, "  test worker CPU", saves.Select(s => s.Result.Timings.TestCpu));
        var median = Median(saves.Select(s => s.SaveToResult));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median save to result / first run: {median.TotalMilliseconds / first.Timings.Total.TotalMilliseconds:0.00}"));
        output.Flush();
    }

    private static void Row(TextWriter output, string phase, IEnumerable<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        output.WriteLine($"  {phase,-22}{Ms(sorted[0]),9}{Ms(Median(sorted)),9}{Ms(sorted[^1]),9}");
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string Ms(TimeSpan time) =>
        time.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
