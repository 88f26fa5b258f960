using System.Xml;
using System.Xml.Schema;
using MemKata.Grading.Model;
using MemKata.Grading.Reports;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Reports;

/// <summary>memkata's JUnit XML validates against the committed schema (docs/schemas/junit-10.xsd: the constraints of
/// Jenkins' junit-10.xsd), for graded, crashed, uncompiled and optional-task reports, and for a learner's output full
/// of characters XML cannot hold.</summary>
[Parallelizable(ParallelScope.Children)]
public sealed class JUnitSchemaTests
{
    private static readonly Lazy<XmlSchemaSet> _schema = new(() =>
    {
        var set = new XmlSchemaSet();
        set.Add(null, Path.Combine(TestData.RealRepository, "docs", "schemas", "junit-10.xsd"));
        set.Compile();
        return set;
    });

    [TestCase("partial")]
    [TestCase("infinite-loop")]
    [TestCase("compile-error")]
    [TestCase("reference")]
    [TestCase("missing-file")]
    public void Report_of_a_sample_submission_is_valid(string submission) =>
        Assert.That(Problems(CounterExercise.Report(submission)), Is.Empty);

    [Test]
    public void Optional_task_and_control_characters_are_valid()
    {
        var report = HandMadeReport.PerfectWithOptionalUnmet("a\u0001b");
        var noisy = report.Tests[0] with { Status = TestStatus.Failed, Message = "bell \u0007 and nul \0 here", Output = "esc \u001b[31m red" };
        report = report with { Tests = [noisy, .. report.Tests.Skip(1)] };

        var problems = Problems(report);

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(Render(report), Does.Contain("bell \\u0007 and nul \\u0000 here"));
        });
    }

    [Test]
    public void The_schema_refuses_what_Jenkins_refuses()
    {
        const string invalid = "<testsuites skipped=\"1\"><testsuite name=\"a\" tests=\"1\" failures=\"0\" errors=\"0\">" +
            "<testcase name=\"t\"><properties/></testcase></testsuite></testsuites>";

        Assert.That(Validate(invalid), Has.Count.EqualTo(2), "a skipped count on testsuites, properties in a testcase");
    }

    private static List<string> Problems(GradeReport report) => Validate(Render(report));

    private static string Render(GradeReport report)
    {
        using var writer = new StringWriter();
        JUnitReport.Write(report, writer);
        return writer.ToString();
    }

    private static List<string> Validate(string xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = _schema.Value };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} {e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return problems;
    }
}
