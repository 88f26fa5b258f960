using System.Collections.Concurrent;
using MemKata.Grading.Layout;
using MemKata.Grading.Model;

namespace MemKata.Grading.Tests.Support;

/// <summary>The fake counter exercise and one grader for it, shared by every test (the hidden tests are parsed once).
/// The per-test limit leaves room for a loaded CI machine (JIT of the snapshot libraries in a cold process).</summary>
internal static class CounterExercise
{
    public static GradingLimits Limits { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60), 256, 10);

    private static readonly Lazy<Grader> _grader = new(() => new Grader(Layout, new GradingOptions(Limits, RunAnalyzers: false)));

    private static readonly ConcurrentDictionary<string, Lazy<GradeReport>> _reports = new(StringComparer.Ordinal);

    /// <summary>The report of sample submission <paramref name="name"/>, graded once per test run and shared.</summary>
    public static GradeReport Report(string name) =>
        _reports.GetOrAdd(name, n => new Lazy<GradeReport>(() => Grader.Grade(Submission(n)))).Value;

    public static ExerciseLayout Layout => ExerciseLayout.Load(TestData.FakeRepository, "counter");

    public static Grader Grader => _grader.Value;

    public static string Submission(string name) => Path.Combine(TestData.CounterSubmissions, name);

    public static IEnumerable<string> SubmissionNames =>
        Directory.GetDirectories(TestData.CounterSubmissions).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);
}
