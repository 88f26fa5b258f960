using MemKata.Grading.Publishing;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Publishing;

/// <summary>What a starter repository carries for learners: one exercise when asked, the LICENSE, the rule pages its
/// messages name, and a workflow that fails on a build error only.</summary>
public sealed class StarterHandOutTests
{
    [Test]
    public void One_exercise_with_license_rule_pages_and_a_workflow_that_reports_tests()
    {
        var output = Path.Combine(Path.GetTempPath(), $"memkata-handout-{Guid.NewGuid():N}");
        try
        {
            var result = StarterRepository.Publish(TestData.RealRepository, output, AppContext.BaseDirectory, "allocator");

            var files = result.Files;
            var rulePages = Directory.GetFiles(Path.Combine(TestData.RealRepository, "docs", "rules"), "*.md")
                .Select(f => "docs/rules/" + Path.GetFileName(f)).ToList();
            var workflow = File.ReadAllText(Path.Combine(output, ".github", "workflows", "tests.yml"));
            Assert.Multiple(() =>
            {
                Assert.That(result.Exercises, Is.EqualTo(new[] { "allocator" }));
                Assert.That(files.Where(f => f.StartsWith("exercises/", StringComparison.Ordinal)), Has.All.StartWith("exercises/allocator/"));
                Assert.That(files, Does.Contain("LICENSE"));
                Assert.That(File.ReadAllText(Path.Combine(output, "LICENSE")), Does.StartWith("MIT License"));
                Assert.That(rulePages, Is.Not.Empty);
                Assert.That(files, Is.SupersetOf(rulePages), "every page an analyzer message points to");
                Assert.That(workflow, Does.Contain("run: dotnet build exercises/allocator"));
                Assert.That(workflow, Does.Contain("if dotnet test exercises/allocator --no-build; then"));
                Assert.That(workflow, Does.Contain("GITHUB_STEP_SUMMARY"));
                Assert.That(files.Where(StarterRepository.IsForbidden), Is.Empty);
            });

            // The reference's numbers on each public trace, keyed by the trace's SHA-256, for replay --exercise.
            var traces = Directory.GetFiles(Path.Combine(output, "exercises", "allocator", ReferenceTraceTable.TracesFolder), "*.rep")
                .Order(StringComparer.Ordinal).ToList();
            var table = File.ReadAllText(ReferenceTraceTable.PathIn(Path.Combine(output, "exercises", "allocator")));
            var measured = ReferenceTraceTable.Parse(table);
            Assert.Multiple(() =>
            {
                Assert.That(files, Does.Contain("exercises/allocator/traces/reference.tsv"));
                Assert.That(traces, Is.Not.Empty);
                Assert.That(measured.Select(row => row.Key), Is.EqualTo(traces.Select(t => { using var bytes = File.OpenRead(t); return ReferenceTraceTable.Key(bytes); })));
                Assert.That(measured.Select(row => row.Measurement.Source), Is.EqualTo(traces.Select(Path.GetFileName)), "one line per trace, in file-name order");
                Assert.That(measured.Where(row => row.Measurement.Failure is not null || row.Measurement.PeakPayload == 0 || row.Measurement.Cost == 0), Is.Empty, "the reference finishes every trace");
                Assert.That(ReferenceTraceTable.Format(measured), Is.EqualTo(table), "the table reads back to the same bytes");
            });

            // No dead link: every relative link of every page points into the starter (the allowlist comes along).
            var dead = files.Where(f => f.EndsWith(".md", StringComparison.Ordinal))
                .SelectMany(page => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(Path.Combine(output, page)), @"\]\(([^)\s#]+)[^)\s]*\)")
                    .Select(m => m.Groups[1].Value)
                    .Where(target => !target.Contains(':', StringComparison.Ordinal))
                    .Where(target => !Path.Exists(Path.Combine(output, Path.GetDirectoryName(page)!, target)))
                    .Select(target => $"{page} -> {target}"))
                .ToList();
            Assert.Multiple(() =>
            {
                Assert.That(dead, Is.Empty);
                Assert.That(files, Does.Contain("docs/rules/Allowlist.txt"), "MK0001's page links to the allowlist");
                Assert.That(File.ReadAllText(Path.Combine(output, "docs", "rules", "MK0001.md")), Does.Contain("](Allowlist.txt)"));
            });
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Test]
    public void An_unknown_exercise_is_refused_with_the_known_ones()
    {
        var output = Path.Combine(Path.GetTempPath(), $"memkata-handout-{Guid.NewGuid():N}");

        var error = Assert.Throws<GradingInputException>(() => StarterRepository.Publish(TestData.RealRepository, output, AppContext.BaseDirectory, "nope"));

        Assert.That(error!.Message, Does.Contain("no exercise 'nope' to publish: exercises are allocator"));
    }
}
