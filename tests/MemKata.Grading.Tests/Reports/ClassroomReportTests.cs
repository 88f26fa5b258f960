using System.Text.Json;
using MemKata.Grading.Reports;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Reports;

[Parallelizable(ParallelScope.Children)]
public sealed class ClassroomReportTests
{
    [Test]
    public void Has_the_runner_result_shape_and_partial_credit_in_test_scores()
    {
        var text = new StringWriter();
        ClassroomReport.Write(CounterExercise.Report("partial"), text);

        using var json = JsonDocument.Parse(text.ToString());
        var root = json.RootElement;
        var tests = root.GetProperty("tests").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("status").GetString(), Is.EqualTo("fail"));
            Assert.That(root.GetProperty("max_score").GetDouble(), Is.EqualTo(12));
            Assert.That(tests.Sum(t => t.GetProperty("score").GetDouble()), Is.EqualTo(8));
            Assert.That(tests.Select(t => t.GetProperty("status").GetString()), Is.All.AnyOf("pass", "fail", "error"));
            Assert.That(tests.All(t => t.TryGetProperty("message", out _) && t.TryGetProperty("line_no", out _)), Is.True);
        });
    }

    [Test]
    public void Reference_passes()
    {
        var text = new StringWriter();
        ClassroomReport.Write(CounterExercise.Report("reference"), text);

        using var json = JsonDocument.Parse(text.ToString());
        Assert.That(json.RootElement.GetProperty("status").GetString(), Is.EqualTo("pass"));
    }
}
