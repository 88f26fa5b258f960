using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using MemKata.Engine.Input;

namespace MemKata.Cli.Commands;

/// <summary>An option that takes a count N ≥ 1 (<c>replay --bench N</c> and <c>bench --rounds N</c> count rounds,
/// <c>grade --jobs N</c> submissions graded at a time), with a message that says what was wrong when N is not a whole
/// number or is below 1, in the option's own words.</summary>
internal static class RoundCountOption
{
    /// <summary>Creates the option <paramref name="name"/>, a number of rounds, with <paramref name="description"/>.</summary>
    public static Option<int> Create(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "N",
        CustomParser = result => Parse(result,
            text => $"{name} takes a whole number of rounds, e.g. {name} 100; {text} is not one.",
            rounds => $"{name} needs at least 1 round, e.g. {name} 100; got {rounds}."),
    };

    /// <summary>Creates <c>--jobs</c>: how many submissions are graded at a time.</summary>
    public static Option<int> CreateJobs(string description) => new("--jobs")
    {
        Description = description,
        HelpName = "N",
        CustomParser = result => Parse(result,
            text => $"--jobs takes a whole number of submissions at a time, e.g. --jobs 4; {text} is not one.",
            jobs => $"--jobs grades N submissions at a time and needs N of at least 1; got {jobs}."),
    };

    private static int Parse(ArgumentResult result, Func<string, string> notANumber, Func<int, string> belowOne)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
        {
            result.AddError(notANumber(InputText.Quote(text)));
            return 0;
        }

        if (count < 1)
        {
            result.AddError(belowOne(count));
        }

        return count;
    }
}
