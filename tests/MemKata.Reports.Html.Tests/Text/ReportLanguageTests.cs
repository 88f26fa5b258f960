using System.Text.RegularExpressions;
using MemKata.Reports.Html.Text;
using MemKata.Scenarios;

namespace MemKata.Reports.Html.Tests.Text;

public class ReportLanguageTests
{
    private static readonly string[] Codes = [.. ReportLanguage.Codes];

    [TestCaseSource(nameof(Codes))]
    public void Every_language_has_the_labels_english_has_and_no_other(string code)
    {
        var english = ReportLanguage.Load(ReportLanguage.English).Keys;
        var labels = ReportLanguage.Load(code).Keys.Where(k => !k.StartsWith("scenario.", StringComparison.Ordinal)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(english.Except(labels), Is.Empty, $"keys missing from Resources/{code}.json");
            Assert.That(labels.Except(english), Is.Empty, $"keys of Resources/{code}.json that English does not have");
        });
    }

    [Test]
    public void Chinese_translates_the_title_and_explanation_of_every_built_in_scenario()
    {
        var chinese = ReportLanguage.Load(ReportLanguage.SimplifiedChinese);
        var missing = BuiltInScenarios.Names
            .SelectMany(n => new[] { $"scenario.{n}.title", $"scenario.{n}.explain" })
            .Where(k => !chinese.Keys.Contains(k)).ToList();
        var stale = chinese.Keys.Where(k => k.StartsWith("scenario.", StringComparison.Ordinal))
            .Where(k => !BuiltInScenarios.Names.Any(n => k == $"scenario.{n}.title" || k == $"scenario.{n}.explain")).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(missing, Is.Empty, "built-in scenarios without a translation in Resources/zh-CN.json");
            Assert.That(stale, Is.Empty, "translations of scenarios that are not built in");
        });
    }

    [TestCaseSource(nameof(Codes))]
    public void Every_placeholder_of_english_is_in_the_translation(string code)
    {
        var english = ReportLanguage.Load(ReportLanguage.English);
        var other = ReportLanguage.Load(code);
        foreach (var key in english.Keys)
        {
            Assert.That(Placeholders(other[key]), Is.EqualTo(Placeholders(english[key])), $"{code}: {key}");
        }
    }

    [Test]
    public void A_missing_key_fails_naming_the_key_and_the_file()
    {
        var english = ReportLanguage.Load("en");

        Assert.That(() => english["no.such.key"], Throws.TypeOf<KeyNotFoundException>()
            .With.Message.Contains("'no.such.key'").And.Message.Contains("Resources/en.json"));
    }

    [Test]
    public void An_unknown_language_is_refused_with_the_known_ones()
    {
        Assert.That(() => ReportLanguage.Load("fr"), Throws.ArgumentException.With.Message.Contains("en, zh-CN"));
    }

    private static string[] Placeholders(string text) =>
        [.. Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];
}
