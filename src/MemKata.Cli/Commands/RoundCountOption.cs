using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace MemKata.Cli.Commands;

/// <summary>An option that takes a number of rounds N ≥ 1 (<c>replay --bench N</c>, <c>bench --rounds N</c>), with a
/// message that says what was wrong when N is not a whole number or is below 1.</summary>
internal static class RoundCountOption
{
    /// <summary>Creates the option <paramref name="name"/> with <paramref name="description"/>.</summary>
    public static Option<int> Create(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "N",
        CustomParser = result => Parse(name, result),
    };

    private static int Parse(string name, ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var rounds))
        {
            result.AddError($"{name} takes a whole number of rounds, e.g. {name} 100; '{text}' is not one.");
            return 0;
        }

        if (rounds < 1)
        {
            result.AddError($"{name} needs at least 1 round, e.g. {name} 100; got {rounds}.");
        }

        return rounds;
    }
}
