using System.Text;
using MemKata.Analyzers.Tests.Infrastructure;
using MemKata.Analyzers.Runner;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemKata.Analyzers.Tests.Docs;

// Every rule has its page docs/rules/MKxxxx.md and every page its rule; each page states the rule's title, severity and
// category as the code does; docs/rules/README.md is the index generated from the rules.
//
// To regenerate the index after adding or changing a rule:
//   MEMKATA_REGENERATE_DOCS=1 dotnet test tests/MemKata.Analyzers.Tests --filter FullyQualifiedName~RuleDocumentation
public class RuleDocumentationTests
{
    private static readonly string RulesFolder = Path.Combine(Repository.Root, "docs", "rules");

    public static IEnumerable<TestCaseData> Rules() =>
        LearnerCodeAnalysis.Analyzers
            .SelectMany(analyzer => analyzer.SupportedDiagnostics.Select(rule => (analyzer, rule)))
            .OrderBy(pair => pair.rule.Id, StringComparer.Ordinal)
            .Select(pair => new TestCaseData(pair.rule, pair.analyzer).SetName(pair.rule.Id));

    [TestCaseSource(nameof(Rules))]
    public void Rule_has_a_page_that_states_it(DiagnosticDescriptor rule, DiagnosticAnalyzer analyzer)
    {
        var path = Path.Combine(RulesFolder, rule.Id + ".md");
        Assert.That(File.Exists(path), Is.True, $"{rule.Id} has no page: add docs/rules/{rule.Id}.md");

        var lines = File.ReadAllLines(path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines[0], Is.EqualTo($"# {rule.Id} - {rule.Title}"), "title line");
            Assert.That(lines, Has.Some.StartsWith($"Severity: {SeverityWord(rule.DefaultSeverity)}")
                .And.Some.Contains($"Category: {rule.Category}")
                .And.Some.Contains($"Analyzer: `{analyzer.GetType().Name}`"), "severity, category and analyzer line");
            Assert.That(lines, Does.Contain("## Why").And.Contain("## Non-compliant code").And.Contain("## Compliant code"));
            Assert.That(rule.HelpLinkUri, Is.EqualTo($"docs/rules/{rule.Id}.md"), "help link");
        }
    }

    [TestCaseSource(nameof(Rules))]
    public void Rule_speaks_to_the_learner(DiagnosticDescriptor rule, DiagnosticAnalyzer analyzer)
    {
        var message = rule.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rule.Id, Does.Match("^MK[0-9]{4}$"));
            Assert.That(rule.Category, Does.StartWith("MemKata."));
            Assert.That(rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture), Does.Not.EndWith("."));
            Assert.That(message, Does.EndWith("."), "a message is sentences");
            Assert.That(message.Length, Is.GreaterThan(80), "a message says what is wrong, why, and what to do instead");
            Assert.That(rule.Description.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.Not.Empty);
            Assert.That(analyzer.GetType().Namespace, Is.EqualTo("MemKata.Analyzers.Rules"));
        }
    }

    [Test]
    public void Every_page_has_a_rule()
    {
        var ruleIds = LearnerCodeAnalysis.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        var pages = Directory.GetFiles(RulesFolder, "*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name != "README");

        Assert.That(pages.Where(page => !ruleIds.Contains(page!)), Is.Empty, "pages without a rule");
    }

    [Test]
    public void The_rule_index_is_up_to_date()
    {
        var path = Path.Combine(RulesFolder, "README.md");
        var expected = RenderIndex();
        if (Environment.GetEnvironmentVariable("MEMKATA_REGENERATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.That(File.Exists(path) ? File.ReadAllText(path) : "", Is.EqualTo(expected),
            "docs/rules/README.md is stale: regenerate it with MEMKATA_REGENERATE_DOCS=1 dotnet test "
            + "tests/MemKata.Analyzers.Tests --filter FullyQualifiedName~RuleDocumentation");
    }

    private static string RenderIndex()
    {
        var text = new StringBuilder();
        text.Append("""
            # MemKata analyzer rules

            <!-- Generated from the rules by tests/MemKata.Analyzers.Tests (RuleDocumentationTests); do not edit by hand.
                 Regenerate: MEMKATA_REGENERATE_DOCS=1 dotnet test tests/MemKata.Analyzers.Tests --filter FullyQualifiedName~RuleDocumentation -->

            The rules MemKata's analyzers apply to learner code, while the learner types and in `dotnet build`, and in the
            grader before a submission runs. Errors stop the grader from running a submission; warnings and information
            are feedback. How learner code is recognised, how an exercise references the analyzers and how the grader runs
            them: [src/MemKata.Analyzers/README.md](../../src/MemKata.Analyzers/README.md).

            | ID | Title | Category | Severity |
            | --- | --- | --- | --- |

            """);
        foreach (var rule in LearnerCodeAnalysis.Analyzers.SelectMany(a => a.SupportedDiagnostics).OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            text.Append($"| [{rule.Id}]({rule.Id}.md) | {rule.Title} | {rule.Category} | {SeverityWord(rule.DefaultSeverity)} |\n");
        }

        return text.ToString().ReplaceLineEndings("\n");
    }

    private static string SeverityWord(DiagnosticSeverity severity) => severity.ToString().ToLowerInvariant();
}
