using System.Text.Json;
using System.Xml.Linq;
using MemKata.Grading.Reports;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Reports;

/// <summary>An optional task worth no points never shows as a failure of a perfect submission, in any format.</summary>
public sealed class OptionalTaskTests
{
    [Test]
    public void Gradescope_marks_the_unmet_optional_tests_passed_and_says_not_met()
    {
        using var json = JsonDocument.Parse(Render(ReportFormat.Gradescope));
        var tests = json.RootElement.GetProperty("tests").EnumerateArray().ToList();
        var optional = tests.Where(t => t.GetProperty("name").GetString()!.Contains("(optional)", StringComparison.Ordinal)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(tests.Select(t => t.GetProperty("status").GetString()), Is.All.EqualTo("passed"));
            Assert.That(optional, Has.Count.EqualTo(2));
            Assert.That(optional[0].GetProperty("output").GetString(), Does.StartWith("not met (optional task, no points): trace 'x'"));
            Assert.That(json.RootElement.GetProperty("output").GetString(), Does.Not.Contain("What did not pass"));
            Assert.That(GradescopeSchema.Problems(json.RootElement), Is.Empty);
        });
    }

    [Test]
    public void JUnit_has_no_failure_and_skips_the_unmet_optional_tests()
    {
        var xml = XDocument.Parse(Render(ReportFormat.JUnit));
        var root = xml.Root!;

        Assert.Multiple(() =>
        {
            Assert.That((int)root.Attribute("failures")!, Is.Zero);
            Assert.That((int)root.Attribute("errors")!, Is.Zero);
            Assert.That(root.Descendants("skipped").Count(), Is.EqualTo(2));
            Assert.That(root.Descendants("skipped").First().Attribute("message")!.Value, Does.StartWith("not met (optional task"));
        });
    }

    [Test]
    public void Classroom_passes_every_test_and_sums_to_the_score_exactly()
    {
        using var json = JsonDocument.Parse(Render(ReportFormat.Classroom));
        var tests = json.RootElement.GetProperty("tests").EnumerateArray().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetProperty("status").GetString(), Is.EqualTo("pass"));
            Assert.That(tests.Select(t => t.GetProperty("status").GetString()), Is.All.EqualTo("pass"));
            Assert.That(ClassroomPoints.Sum(tests.Select(t => t.GetProperty("score").GetDouble())), Is.EqualTo(30.0));
            Assert.That(json.RootElement.GetProperty("max_score").GetDouble(), Is.EqualTo(30.0));
        });
    }

    [Test]
    public void Summary_of_a_perfect_submission_lists_nothing_that_did_not_pass()
    {
        var report = HandMadeReport.PerfectWithOptionalUnmet();

        Assert.Multiple(() =>
        {
            Assert.That(FailureGroups.Of(report), Is.Empty);
            Assert.That(Feedback.Summary(report), Does.Not.Contain("did not pass"));
        });
    }

    private static string Render(string format)
    {
        using var writer = new StringWriter();
        ReportFormat.Write(format, HandMadeReport.PerfectWithOptionalUnmet(), writer);
        return writer.ToString();
    }
}
