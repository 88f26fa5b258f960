using System.Text.Json;
using MemKata.Grading.Layout;
using MemKata.Grading.Model;
using MemKata.Grading.Reports;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Gradescope;

/// <summary>
/// The Gradescope bundle of autograder/gradescope, end to end with its real scripts: the bundle laid out in a fake
/// <c>/autograder</c>, <c>setup.sh</c> run once (the <c>dotnet</c> on PATH, no download), then <c>run_autograder</c> per
/// submission. What each <c>results.json</c> must say comes from grading the same files in-process
/// (<see cref="Grader"/>), never from numbers written here. The set-up (a Release build of memkata) is shared by the
/// cases, which grade side by side.
/// </summary>
public sealed class GradescopeBundleTests
{
    private const string Slug = "allocator";
    private const string SolutionFile = "Allocator.cs";

    private static readonly TimeSpan _setupLimit = TimeSpan.FromMinutes(15);

    private static readonly Lazy<GradeReport> _referenceInProcess = new(() =>
    {
        var exercise = ExerciseLayout.Load(TestData.RealRepository, Slug);
        var folder = Path.Combine(Path.GetTempPath(), $"memkata-gradescope-reference-{Guid.NewGuid():N}");
        try
        {
            using var grader = new Grader(exercise);
            return grader.Grade(ReferenceSubmission.Create(exercise, folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    });

    private GradescopeRoot? _root;
    private ScriptRun? _setup;

    [OneTimeSetUp]
    public void Build_the_image()
    {
        _root = GradescopeRoot.Create(TestData.RealRepository, Slug);
        _setup = _root.Setup(_setupLimit);
        TestContext.Progress.WriteLine($"Gradescope bundle: setup.sh took {_setup.Elapsed.TotalSeconds:0.0} s (exit {_setup.ExitCode})");
    }

    [OneTimeTearDown]
    public void Remove_the_image() => _root?.Dispose();

    [Test]
    public void Setup_uses_the_sdk_on_path_and_builds_memkata_with_its_worker()
    {
        var root = SetUpRoot();

        Assert.Multiple(() =>
        {
            Assert.That(_setup!.Stdout, Does.Contain("setup.sh: using the .NET SDK"), _setup.ToString());
            Assert.That(File.Exists(Path.Combine(root.Path, "memkata", "memkata.dll")), Is.True);
            Assert.That(File.Exists(Path.Combine(root.Path, "memkata", "MemKata.Grading.Worker.dll")), Is.True);
        });
    }

    [Test]
    public void Reference_solution_gets_the_graders_maximum_and_one_test_per_hidden_test()
    {
        var exercise = ExerciseLayout.Load(TestData.RealRepository, Slug);
        var reference = ReferenceSubmission.Source(exercise, 0);

        using var results = Grade("reference", reference);

        var expected = _referenceInProcess.Value;
        var root = results.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(expected.Score, Is.EqualTo(expected.MaxScore), "the reference scores full marks in-process");
            Assert.That(root.GetProperty("score").GetDouble(), Is.EqualTo(expected.MaxScore));
            Assert.That(Names(root), Is.EquivalentTo(Names(InGradescopeFormat(expected))), "one test per hidden test");
            Assert.That(Names(root), Has.Count.EqualTo(expected.Tests.Count + 1), "and the hidden similarity entry");
            Assert.That(Hidden(root), Is.EqualTo(new[] { GradescopeReport.SimilarityTestName }));
            Assert.That(root.GetProperty("tests").EnumerateArray().Sum(t => t.GetProperty("score").GetDouble()),
                Is.EqualTo(expected.MaxScore).Within(1e-6), "the tests add up to the score");
        });
    }

    [Test]
    public void Stub_scores_zero_with_every_hidden_test_listed()
    {
        var stub = File.ReadAllText(Path.Combine(TestData.RealRepository, "exercises", Slug, SolutionFile));

        using var results = Grade("stub", stub);

        var root = results.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("score").GetDouble(), Is.Zero);
            Assert.That(Names(root), Has.Count.EqualTo(_referenceInProcess.Value.Tests.Count + 1), "and the hidden similarity entry");
            Assert.That(root.GetProperty("tests").EnumerateArray().Select(t => t.GetProperty("score").GetDouble()), Is.All.Zero);
        });
    }

    [Test]
    public void Submission_that_does_not_compile_scores_zero_and_shows_the_compiler_error()
    {
        var stub = File.ReadAllText(Path.Combine(TestData.RealRepository, "exercises", Slug, SolutionFile));
        var broken = stub.TrimEnd('\n') + "\n\ninternal static class Broken\n{\n    public static int Value => undefinedName;\n}\n";
        var lines = broken.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("undefinedName", StringComparison.Ordinal));
        var error = $"{SolutionFile}:{line + 1}:{lines[line].IndexOf("undefinedName", StringComparison.Ordinal) + 1}: error CS0103";

        using var results = Grade("compile-error", broken);

        var root = results.RootElement;
        var tests = root.GetProperty("tests").EnumerateArray().Where(t => t.GetProperty("visibility").GetString() != "hidden").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("score").GetDouble(), Is.Zero);
            Assert.That(root.GetProperty("output").GetString(), Does.Contain(error));
            Assert.That(tests, Has.Count.EqualTo(1));
            Assert.That(tests[0].GetProperty("name").GetString(), Is.EqualTo("Compilation"));
            Assert.That(tests[0].GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(tests[0].GetProperty("max_score").GetDouble(), Is.EqualTo(_referenceInProcess.Value.MaxScore));
            Assert.That(tests[0].GetProperty("output").GetString(), Does.Contain(error));
        });
    }

    // Grades one submission with run_autograder; it must exit 0 and write a results.json that conforms.
    private JsonDocument Grade(string name, string solution)
    {
        var (run, results) = SetUpRoot().Grade(name, new Dictionary<string, string>(StringComparer.Ordinal) { [SolutionFile] = solution });
        TestContext.Progress.WriteLine($"Gradescope bundle: run_autograder ({name}) took {run.Elapsed.TotalSeconds:0.0} s");
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(results, Is.Not.Null, $"no results/results.json\n{run}");
        var json = JsonDocument.Parse(results!);
        Assert.That(GradescopeSchema.Problems(json.RootElement), Is.Empty, results);
        return json;
    }

    private GradescopeRoot SetUpRoot()
    {
        Assert.That(_setup?.ExitCode, Is.Zero, $"setup.sh failed: {_setup}");
        return _root!;
    }

    private static JsonElement InGradescopeFormat(GradeReport report)
    {
        var text = new StringWriter();
        GradescopeReport.Write(report, text);
        return JsonDocument.Parse(text.ToString()).RootElement.Clone();
    }

    private static List<string?> Hidden(JsonElement results) =>
        [.. results.GetProperty("tests").EnumerateArray()
            .Where(t => t.GetProperty("visibility").GetString() == "hidden").Select(t => t.GetProperty("name").GetString())];

    private static List<string?> Names(JsonElement results) =>
        [.. results.GetProperty("tests").EnumerateArray().Select(t => t.GetProperty("name").GetString())];
}
