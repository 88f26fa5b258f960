using System.Xml.Linq;
using MemKata.Grading.Reports;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Reports;

[Parallelizable(ParallelScope.Children)]
public sealed class JUnitReportTests
{
    [TestCase("partial")]
    [TestCase("infinite-loop")]
    [TestCase("compile-error")]
    [TestCase("reference")]
    public void Is_well_formed_and_its_counts_match_its_test_cases(string submission)
    {
        var xml = Write(submission);

        var root = xml.Root!;
        var cases = root.Descendants("testcase").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(root.Name.LocalName, Is.EqualTo("testsuites"));
            Assert.That((int)root.Attribute("tests")!, Is.EqualTo(cases.Count));
            Assert.That((int)root.Attribute("failures")!, Is.EqualTo(cases.Count(c => c.Element("failure") is not null)));
            Assert.That((int)root.Attribute("errors")!, Is.EqualTo(cases.Count(c => c.Element("error") is not null)));
            foreach (var suite in root.Elements("testsuite"))
            {
                Assert.That((int)suite.Attribute("tests")!, Is.EqualTo(suite.Elements("testcase").Count()));
                Assert.That(suite.Attribute("name")?.Value, Is.Not.Empty);
            }

            foreach (var testCase in cases)
            {
                Assert.That(testCase.Attribute("name")?.Value, Is.Not.Empty);
                Assert.That(testCase.Attribute("classname")?.Value, Is.Not.Empty);
                Assert.That(double.TryParse(testCase.Attribute("time")?.Value, System.Globalization.CultureInfo.InvariantCulture, out _), Is.True);
            }
        });
    }

    [Test]
    public void Crash_is_an_error_with_its_reason_and_suites_are_tasks_in_task_order()
    {
        var xml = Write("infinite-loop");

        var suites = xml.Root!.Elements("testsuite").Select(s => s.Attribute("name")!.Value).ToList();
        var crashed = xml.Descendants("testcase").Single(c => c.Attribute("name")!.Value == "IncrementTwiceGivesTwo");
        Assert.Multiple(() =>
        {
            Assert.That(suites, Is.EqualTo(new[] { "task 1", "task 2", "snapshots" }), "task order, not run order");
            Assert.That(crashed.Element("error")?.Attribute("message")?.Value, Does.StartWith("timed out"));
        });
    }

    private static XDocument Write(string submission)
    {
        var text = new StringWriter();
        JUnitReport.Write(CounterExercise.Report(submission), text);
        return XDocument.Parse(text.ToString());
    }
}
