namespace MemKata.Cli.Tests.Commands;

/// <summary>Mutates a valid input the way a careless or hostile user would: inserts tokens that break parsers (extreme
/// numbers, control characters, brackets, quotes, YAML anchors, invalid UTF-16), deletes and duplicates ranges, swaps
/// lines. Driven by a list of numbers (CsCheck's), so that every mutation is reproducible and shrinks.</summary>
internal static class InputMutator
{
    private static readonly string[] Tokens =
    [
        "0", "-1", "1.5", "2147483647", "2147483648", "9223372036854775808", "18446744073709551616",
        "99999999999999999999999", "20000000 TiB", "TiB", "\t", "\n", "\r", " ", "\0", "\u001b[31m", "\u202e",
        "\uFFFD", "\ud800", "é", "a", "r", "f", "[", "]", "{", "}", ":", "- ", "'", "\"", "&a ", "*a", "---\n", "#",
        "\n  - free: p\n", "\n  - touch: p\n", "\nprocesses: []\n", new string('[', 64), new string('9', 300),
    ];

    /// <summary><paramref name="text"/> after one mutation per number of <paramref name="moves"/>.</summary>
    public static string Mutate(string text, int[] moves)
    {
        var result = text;
        foreach (var move in moves)
        {
            var m = (uint)move;
            var at = result.Length == 0 ? 0 : (int)(m / 7 % (uint)result.Length);
            var length = (int)(m / 13 % 24) + 1;
            var token = Tokens[m / 17 % (uint)Tokens.Length];
            result = (m % 7) switch
            {
                0 or 1 => result.Insert(at, token),
                2 => result.Remove(at, Math.Min(length, result.Length - at)),
                3 => result.Insert(at, result.Substring(at, Math.Min(length, result.Length - at))),
                4 when result.Length > 0 => result.Remove(at, 1).Insert(at, token),
                5 => SwapLines(result, (int)(m / 11)),
                _ => result + token,
            };
        }

        return result;
    }

    private static string SwapLines(string text, int pick)
    {
        var lines = text.Split('\n');
        if (lines.Length < 2)
        {
            return text;
        }

        var i = pick % lines.Length;
        var j = (pick / lines.Length + 1) % lines.Length;
        (lines[i], lines[j]) = (lines[j], lines[i]);
        return string.Join('\n', lines);
    }
}
