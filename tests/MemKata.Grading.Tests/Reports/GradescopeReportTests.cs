using System.Text.Json;
using MemKata.Grading.Reports;
using MemKata.Grading.Similarity;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Reports;

[Parallelizable(ParallelScope.Children)]
public sealed class GradescopeReportTests
{
    [Test]
    public void Graded_submission_has_the_results_json_shape_and_its_tests_add_up_to_the_score()
    {
        var report = CounterExercise.Report("partial");

        using var json = Write(report);
        var root = json.RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("score").GetDouble(), Is.EqualTo(8));
            Assert.That(root.GetProperty("max_score").GetDouble(), Is.EqualTo(12));
            Assert.That(root.GetProperty("output").GetString(), Does.Contain("2 of 2 tasks attempted"));
            var tests = LearnerTests(root);
            Assert.That(tests, Has.Count.EqualTo(6));
            foreach (var test in tests)
            {
                Assert.That(test.GetProperty("name").GetString(), Is.Not.Empty);
                Assert.That(test.GetProperty("status").GetString(), Is.AnyOf("passed", "failed"));
                Assert.That(test.GetProperty("visibility").GetString(), Is.EqualTo("visible"));
                Assert.That(test.TryGetProperty("output", out _), Is.True);
                Assert.That(test.GetProperty("max_score").GetDouble(), Is.EqualTo(2));
            }

            Assert.That(tests.Sum(t => t.GetProperty("score").GetDouble()), Is.EqualTo(8));
            var failed = tests.Single(t => t.GetProperty("name").GetString() == "Task 2 · AddNegativeCountsDown");
            Assert.That(failed.GetProperty("output").GetString(), Does.Contain("Expected: -3"));
        });
    }

    [Test]
    public void Compile_error_is_one_failed_test_worth_the_whole_max_score_with_the_errors()
    {
        var report = CounterExercise.Report("compile-error");

        using var json = Write(report);
        var tests = LearnerTests(json.RootElement);

        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetProperty("score").GetDouble(), Is.Zero);
            Assert.That(tests, Has.Count.EqualTo(1));
            Assert.That(tests[0].GetProperty("name").GetString(), Is.EqualTo("Compilation"));
            Assert.That(tests[0].GetProperty("max_score").GetDouble(), Is.EqualTo(12));
            Assert.That(tests[0].GetProperty("output").GetString(), Does.Contain("Counter.cs:7:41: error CS0103"));
        });
    }

    [Test]
    public void Similarity_is_a_hidden_test_worth_nothing_that_fails_when_flagged_and_is_nowhere_else()
    {
        var pair = new PairSimilarity("partial", "reference", 0.93, 70, 75, 80, true, 0, 0, 0, []);
        var report = CounterExercise.Report("partial") with { Similarity = pair };

        using var json = Write(report);

        var root = json.RootElement;
        var entry = root.GetProperty("tests").EnumerateArray().Single(t => t.GetProperty("name").GetString() == GradescopeReport.SimilarityTestName);
        Assert.Multiple(() =>
        {
            Assert.That(entry.GetProperty("visibility").GetString(), Is.EqualTo("hidden"));
            Assert.That(entry.GetProperty("score").GetDouble(), Is.Zero);
            Assert.That(entry.GetProperty("max_score").GetDouble(), Is.Zero);
            Assert.That(entry.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(entry.GetProperty("output").GetString(), Does.StartWith("partial ~ reference: 0.93"));
            Assert.That(root.GetProperty("score").GetDouble(), Is.EqualTo(8), "the score does not change");
            Assert.That(root.GetProperty("output").GetString(), Does.Not.Contain("reference: 0.93"));
            Assert.That(GradescopeSchema.Problems(root), Is.Empty);
        });
    }

    // The tests a learner sees: all but the hidden similarity entry.
    private static List<JsonElement> LearnerTests(JsonElement root) =>
        [.. root.GetProperty("tests").EnumerateArray().Where(t => t.GetProperty("visibility").GetString() != "hidden")];

    private static JsonDocument Write(Model.GradeReport report)
    {
        var text = new StringWriter();
        GradescopeReport.Write(report, text);
        return JsonDocument.Parse(text.ToString());
    }
}
