using System.Globalization;

namespace MemKata.Scenarios.Wording;

/// <summary>
/// A piece of a run's report as a key and its values, so that a report in another language can say it in its own words:
/// <see cref="English"/> is what the text reports and snapshots print; the HTML report looks the key up in its language
/// file (<c>phrase.KEY</c>). A value is a string, shown as it is (a number, an address, a size, a name, a message of
/// glibc's), or a phrase, said in the same language.
/// </summary>
public sealed class Phrase
{
    private readonly object[] _values;

    private Phrase(PhraseKey key, object[] values)
    {
        Key = key;
        _values = values;
    }

    /// <summary>What is said.</summary>
    public PhraseKey Key { get; }

    /// <summary>The values that fill the template's <c>{0}</c>, <c>{1}</c>...: strings and phrases.</summary>
    public IReadOnlyList<object> Values => _values;

    /// <summary>The phrase in English (<see cref="PhraseTemplates.English"/>).</summary>
    public string English => Say(PhraseTemplates.English);

    /// <summary>A phrase of <paramref name="key"/> whose values are <paramref name="values"/> (each a string, a whole
    /// number, written in the invariant culture, or a phrase).</summary>
    public static Phrase Of(PhraseKey key, params object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var kept = new object[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            kept[i] = values[i] switch
            {
                Phrase or string => values[i],
                long or int or ulong => Convert.ToString(values[i], CultureInfo.InvariantCulture)!,
                _ => throw new ArgumentException($"Phrase.Of({key}): value {i} is a {values[i]?.GetType().Name ?? "null"}; give a string, a whole number or a phrase", nameof(values)),
            };
        }

        return new Phrase(key, kept);
    }

    /// <summary>Text shown as it is, in every language: an address, glibc's or the kernel's own message.</summary>
    public static Phrase Verbatim(string text) => Of(PhraseKey.Verbatim, text);

    /// <summary>The phrases joined into a list (<c>a, b, c</c> in English).</summary>
    public static Phrase List(IEnumerable<Phrase> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Aggregate((Phrase?)null, (list, item) => list is null ? item : Of(PhraseKey.ListMore, list, item))
            ?? Verbatim("");
    }

    /// <summary>The phrase said with <paramref name="template"/> (a key's template with <c>{0}</c>, <c>{1}</c>... for its
    /// values); phrase values are said the same way.</summary>
    public string Say(Func<PhraseKey, string> template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var args = _values.Select(v => v is Phrase p ? p.Say(template) : v).ToArray();
        return string.Format(CultureInfo.InvariantCulture, template(Key), args);
    }

    /// <inheritdoc/>
    public override string ToString() => English;
}
