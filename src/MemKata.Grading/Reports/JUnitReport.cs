using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using MemKata.Grading.Model;

namespace MemKata.Grading.Reports;

/// <summary>
/// JUnit XML as CI systems read it (Jenkins, GitLab, GitHub test reporters): one <c>testsuite</c> per task, one
/// <c>testcase</c> per hidden test; a failed assertion is a <c>failure</c>, a crash or a test that never ran an
/// <c>error</c>, a skipped test (and an optional task's test worth nothing that did not pass) <c>skipped</c>. Suites
/// come in task order. Points go in each suite's <c>properties</c> (score and max_score). The document validates against
/// Jenkins' junit-10.xsd (docs/schemas/junit-10.xsd encodes its constraints): no properties inside a testcase, no
/// <c>skipped</c> count on <c>testsuites</c>, and no character XML cannot hold (written as <c>\uXXXX</c>). A submission that did not compile is one suite, "compilation", with one failing case carrying the errors.
/// </summary>
public static class JUnitReport
{
    /// <summary>Writes <paramref name="report"/> as JUnit XML.</summary>
    public static void Write(GradeReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var suites = new List<XElement>();
        if (report.Outcome != GradeOutcome.Graded)
        {
            suites.Add(Suite("compilation", [Case("Compilation", "submission", 0, new XElement("failure",
                new XAttribute("message", report.Outcome.ToString()),
                new XAttribute("type", report.Outcome.ToString()),
                XmlSafe(Feedback.WhyNotRun(report))))], 0, report.MaxScore));
        }

        foreach (var group in report.Tests.GroupBy(SuiteName).OrderBy(g => g.Min(t => report.Tests.ToList().IndexOf(t))))
        {
            var title = group.Key;
            suites.Add(Suite(
                title,
                [.. group.Select(TestCase)],
                group.Sum(t => t.Points),
                group.Sum(t => t.MaxPoints)));
        }

        var root = new XElement("testsuites",
            new XAttribute("name", XmlSafe($"memkata grade {report.Slug} {report.SubmissionName}")),
            new XAttribute("tests", suites.Sum(s => (int)s.Attribute("tests")!)),
            new XAttribute("failures", suites.Sum(s => (int)s.Attribute("failures")!)),
            new XAttribute("errors", suites.Sum(s => (int)s.Attribute("errors")!)),
            new XAttribute("time", Seconds(report.Elapsed.TotalMilliseconds)),
            suites);
        using var xml = XmlWriter.Create(writer, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, CloseOutput = false });
        new XDocument(root).Save(xml);
        xml.Flush();
        writer.WriteLine();
    }

    private static string SuiteName(GradedTest test) => test.Kind switch
    {
        TestKind.Snapshot => "snapshots",
        TestKind.Report => "reports",
        _ => test.Task is { } n ? $"task {n}" : "untagged",
    };

    private static XElement TestCase(GradedTest test)
    {
        var classname = test.FullName.EndsWith("." + test.Name, StringComparison.Ordinal)
            ? test.FullName[..^(test.Name.Length + 1)]
            : test.FullName;
        XElement? outcome = test.Status switch
        {
            _ when test.Kind == TestKind.Report => null,
            TestStatus.Passed => null,
            _ when !test.IsFailure => new XElement("skipped", new XAttribute("message", FirstLine(Feedback.TestOutput(test)))),
            TestStatus.Skipped => new XElement("skipped", new XAttribute("message", XmlSafe(test.Message ?? ""))),
            TestStatus.Crashed or TestStatus.DidNotRun => new XElement("error",
                new XAttribute("message", FirstLine(test.Message)), new XAttribute("type", test.Status.ToString()), XmlSafe(test.Message ?? "")),
            _ => new XElement("failure",
                new XAttribute("message", FirstLine(test.Message)), new XAttribute("type", test.Status.ToString()), XmlSafe(test.Message ?? "")),
        };
        var element = Case(test.Name, classname, test.DurationMs, outcome);
        var output = test.Kind == TestKind.Report ? Feedback.TestOutput(test) : test.Output;
        if (output is { Length: > 0 })
        {
            element.Add(new XElement("system-out", XmlSafe(output)));
        }

        return element;
    }

    private static XElement Case(string name, string classname, double milliseconds, XElement? outcome) =>
        new("testcase",
            new XAttribute("name", XmlSafe(name)),
            new XAttribute("classname", XmlSafe(classname)),
            new XAttribute("time", Seconds(milliseconds)),
            outcome);

    private static XElement Suite(string name, IReadOnlyList<XElement> cases, double score, double maxScore) =>
        new("testsuite",
            new XAttribute("name", name),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", cases.Count(c => c.Element("failure") is not null)),
            new XAttribute("errors", cases.Count(c => c.Element("error") is not null)),
            new XAttribute("skipped", cases.Count(c => c.Element("skipped") is not null)),
            new XAttribute("time", Seconds(cases.Sum(c => double.Parse((string)c.Attribute("time")!, CultureInfo.InvariantCulture) * 1000))),
            new XElement("properties", Property("score", Feedback.Points(score)), Property("max_score", Feedback.Points(maxScore))),
            cases);

    private static XElement Property(string name, string value) =>
        new("property", new XAttribute("name", name), new XAttribute("value", value));

    private static string Seconds(double milliseconds) =>
        (milliseconds / 1000).ToString("0.###", CultureInfo.InvariantCulture);

    private static string FirstLine(string? text) => XmlSafe((text ?? "").Split('\n')[0]);

    // XML 1.0 cannot hold most control characters (a learner's output may print any): each is written as \uXXXX, and a
    // lone surrogate as U+FFFD, so the document always parses.
    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var safe = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                safe.Append(c);
            }
            else
            {
                safe.Append(char.IsSurrogate(c) ? "\uFFFD" : $"\\u{(int)c:X4}");
            }
        }

        return safe.ToString();
    }
}
