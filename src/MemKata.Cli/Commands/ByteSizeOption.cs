using System.CommandLine;
using System.CommandLine.Parsing;
using MemKata.Engine.Input;
using MemKata.Scenarios;

namespace MemKata.Cli.Commands;

/// <summary>An option that takes a size as people write it (<c>4096</c>, <c>512 MiB</c>, <c>8 GiB</c>), at least one
/// page (or zero where allowed), with a message that says what was wrong otherwise.</summary>
internal static class ByteSizeOption
{
    /// <summary>Creates the option <paramref name="name"/> with <paramref name="description"/> and its default; with
    /// <paramref name="allowZero"/>, 0 is accepted too.</summary>
    public static Option<ulong> Create(string name, string description, ulong defaultBytes, bool allowZero = false) => new(name)
    {
        Description = description,
        HelpName = "SIZE",
        CustomParser = result => Parse(name, result, allowZero),
        DefaultValueFactory = _ => defaultBytes,
    };

    private static ulong Parse(string name, ArgumentResult result, bool allowZero)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (!ByteSize.TryParse(text, out var bytes, out var tooLarge))
        {
            result.AddError(tooLarge
                ? $"{name}: {InputText.Quote(text)} is more than 8 EiB (2^63 bytes), the largest size memkata takes."
                : $"{name} takes a size such as 4096, 512 MiB or 8 GiB; {InputText.Quote(text)} is not one.");
            return 0;
        }

        if (bytes < 4096 && !(allowZero && bytes == 0))
        {
            result.AddError($"{name} needs at least one page (4096 bytes){(allowZero ? " or 0" : string.Empty)}; got {InputText.Quote(text)}.");
        }

        return bytes;
    }
}
