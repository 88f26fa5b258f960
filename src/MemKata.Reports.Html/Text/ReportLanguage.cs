using System.Globalization;
using System.Text.Json;
using MemKata.Scenarios.Wording;

namespace MemKata.Reports.Html.Text;

/// <summary>
/// The words of a report in one language: every label comes from one JSON file per language embedded in this assembly
/// (<c>Resources/en.json</c>, <c>Resources/zh-CN.json</c>), key to text. A key missing from the file throws where it is
/// asked for, naming the key and the language, so a test that renders every report in every language finds it.
/// Built-in scenarios' titles and explanations are English in their YAML; other languages translate them under the
/// keys <c>scenario.NAME.title</c> and <c>scenario.NAME.explain</c>. What the Scenarios library says of a run (step
/// results, key numbers: <see cref="Phrase"/>) is English in that library (<see cref="PhraseTemplates.English"/>, the
/// English of the keys <c>phrase.KEY</c>); other languages translate every <c>phrase.KEY</c> in their file.
/// </summary>
public sealed class ReportLanguage
{
    /// <summary>The language every other one is checked against.</summary>
    public const string English = "en";

    /// <summary>Simplified Chinese, the language of the source material.</summary>
    public const string SimplifiedChinese = "zh-CN";

    private const string ResourcePrefix = "MemKata.Reports.Html.";

    private const string PhrasePrefix = "phrase.";

    private readonly IReadOnlyDictionary<string, string> _texts;

    private ReportLanguage(string code, IReadOnlyDictionary<string, string> texts)
    {
        Code = code;
        _texts = texts;
    }

    /// <summary>The languages there is a file for, English first.</summary>
    public static IReadOnlyList<string> Codes { get; } = [English, SimplifiedChinese];

    /// <summary>The language's code, as HTML's <c>lang</c> attribute takes it.</summary>
    public string Code { get; }

    /// <summary>Every key of this language's file, in ordinal order.</summary>
    public IReadOnlyList<string> Keys => [.. _texts.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Loads the language <paramref name="code"/> (one of <see cref="Codes"/>).</summary>
    /// <exception cref="ArgumentException">There is no such language.</exception>
    public static ReportLanguage Load(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var known = Codes.FirstOrDefault(c => string.Equals(c, code, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"no report language '{code}' (languages: {string.Join(", ", Codes)})", nameof(code));
        using var stream = typeof(ReportLanguage).Assembly.GetManifestResourceStream(ResourcePrefix + known + ".json")
            ?? throw new InvalidOperationException($"ReportLanguage.Load: the resource for '{known}' is not embedded");
        using var document = JsonDocument.Parse(stream);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            texts.Add(property.Name, property.Value.GetString() ?? "");
        }

        if (known == English)
        {
            foreach (var key in Enum.GetValues<PhraseKey>())
            {
                // The library's English is the one copy; en.json does not repeat it.
                texts.Add(PhrasePrefix + key, PhraseTemplates.English(key));
            }
        }

        return new ReportLanguage(known, texts);
    }

    /// <summary>The text of <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">The language's file has no such key.</exception>
    public string this[string key] => _texts.TryGetValue(key, out var text)
        ? text
        : throw new KeyNotFoundException($"report language '{Code}' has no text for the key '{key}' (Resources/{Code}.json)");

    /// <summary>The text of <paramref name="key"/> with <c>{0}</c>, <c>{1}</c>... filled in (invariant culture).</summary>
    public string Format(string key, params object[] args) => string.Format(CultureInfo.InvariantCulture, this[key], args);

    /// <summary><paramref name="phrase"/> in this language (each key's text is <c>phrase.KEY</c>).</summary>
    public string Say(Phrase phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        return phrase.Say(key => this[PhrasePrefix + key]);
    }

    /// <summary>The translated title of the built-in scenario <paramref name="name"/>, or <paramref name="english"/> in
    /// English.</summary>
    public string ScenarioTitle(string name, string english) => Code == English ? english : this[$"scenario.{name}.title"];

    /// <summary>The translated explanation of the built-in scenario <paramref name="name"/>, or <paramref name="english"/>
    /// in English.</summary>
    public string ScenarioExplanation(string name, string english) => Code == English ? english : this[$"scenario.{name}.explain"];
}
