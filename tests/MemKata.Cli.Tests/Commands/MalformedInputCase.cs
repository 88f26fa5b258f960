using System.Diagnostics;
using System.Globalization;
using System.Text;
using MemKata.Cli.Tests.Support;

namespace MemKata.Cli.Tests.Commands;

/// <summary>
/// One input of the malformed-input corpus (<c>testdata/malformed/COMMAND/CASE/case.txt</c>): the command line, the
/// files it needs, and what memkata must answer. The format, one <c>key: value</c> per line:
/// <code>
/// kind: trace-header              what kind of mistake (the table in docs/ROBUSTNESS.md is per kind)
/// args: replay {case}/input.rep   the arguments; {case} is the case's folder, {tmp} a fresh folder, {repo} the repository;
///                                 "" is an empty argument; \x1b, \n, \t are unescaped
/// exit: 2                         the exit code
/// stderr: input.rep:5:3: the id   a text standard error must contain, as it is (one line each; all must be there)
/// stdout: ...                     a text standard output must contain
/// setup: fifo pipe.rep            made in {tmp} before the run: fifo NAME, folder NAME, symlink NAME TARGET,
///                                 generate NAME | TEXT | TEXT * COUNT | ... (a file of the texts, each repeated COUNT
///                                 times when a count is given)
/// child: true                     also run as a real child process (exit code and memory as a user sees them)
/// </code>
/// </summary>
public sealed record MalformedInputCase(
    string Command,
    string Name,
    string Folder,
    string Kind,
    string Args,
    int Exit,
    IReadOnlyList<string> Stderr,
    IReadOnlyList<string> Stdout,
    IReadOnlyList<string> Setup,
    bool Child)
{
    /// <summary>The corpus's root folder.</summary>
    public static string Root => Path.Combine(Repository.Root, "tests", "MemKata.Cli.Tests", "testdata", "malformed");

    /// <summary>Every case, ordered by command and name.</summary>
    public static IReadOnlyList<MalformedInputCase> All { get; } = Load();

    /// <summary>The case's id, e.g. <c>replay/op-id-negative</c>.</summary>
    public override string ToString() => $"{Command}/{Name}";

    /// <summary>The arguments, with the placeholders filled in and escapes unescaped.</summary>
    public string[] Arguments(string tmp) => Split(Args)
        .Select(a => Unescape(a.Replace("{case}", Folder, StringComparison.Ordinal)
            .Replace("{tmp}", tmp, StringComparison.Ordinal)
            .Replace("{repo}", Repository.Root, StringComparison.Ordinal)))
        .ToArray();

    /// <summary>Makes what <c>setup:</c> asks for in <paramref name="tmp"/>.</summary>
    public void Prepare(string tmp)
    {
        foreach (var line in Setup)
        {
            var words = line.Split(' ', 3);
            var path = Path.Combine(tmp, words[1]);
            switch (words[0])
            {
                case "fifo":
                    using (var mkfifo = Process.Start("mkfifo", [path]))
                    {
                        mkfifo.WaitForExit();
                    }

                    break;
                case "folder":
                    Directory.CreateDirectory(path);
                    break;
                case "symlink":
                    File.CreateSymbolicLink(path, words[2]);
                    break;
                case "generate":
                    Generate(path, line[(line.IndexOf('|', StringComparison.Ordinal) + 1)..]);
                    break;
                default:
                    throw new InvalidOperationException($"{this}: unknown setup '{line}'");
            }
        }
    }

    // Segments separated by '|', each TEXT or TEXT * COUNT (TEXT repeated), with \n and \xNN escapes; one space on each
    // side of a segment is the separator's.
    private static void Generate(string path, string spec)
    {
        using var file = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        foreach (var raw in spec.Split('|'))
        {
            var segment = raw.StartsWith(' ') ? raw[1..] : raw;
            segment = segment.EndsWith(' ') ? segment[..^1] : segment;
            var star = segment.LastIndexOf(" * ", StringComparison.Ordinal);
            var count = star < 0 ? 1 : long.Parse(segment[(star + 3)..], CultureInfo.InvariantCulture);
            var text = Unescape(star < 0 ? segment : segment[..star]);
            var block = string.Concat(Enumerable.Repeat(text, (int)Math.Min(count, Math.Max(1, 65536 / Math.Max(1, text.Length)))));
            var perBlock = block.Length / Math.Max(1, text.Length);
            for (var written = 0L; written < count; written += perBlock)
            {
                file.Write(written + perBlock <= count ? block : string.Concat(Enumerable.Repeat(text, (int)(count - written))));
            }
        }
    }

    private static List<MalformedInputCase> Load() =>
    [
        .. Directory.EnumerateFiles(Root, "case.txt", SearchOption.AllDirectories)
            .Select(Parse)
            .OrderBy(c => c.Command, StringComparer.Ordinal)
            .ThenBy(c => c.Name, StringComparer.Ordinal),
    ];

    private static MalformedInputCase Parse(string file)
    {
        var folder = Path.GetDirectoryName(file)!;
        var values = new List<(string Key, string Value)>();
        foreach (var line in File.ReadAllLines(file).Where(l => l.Length > 0 && l[0] != '#'))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            values.Add(colon < 0 ? (line.TrimEnd(':'), "") : (line[..colon], line[(colon + 2)..]));
        }

        string One(string key) => values.Single(v => v.Key == key).Value;
        List<string> Many(string key) => [.. values.Where(v => v.Key == key).Select(v => v.Value)];
        return new MalformedInputCase(
            Path.GetFileName(Path.GetDirectoryName(folder)!),
            Path.GetFileName(folder),
            folder,
            One("kind"),
            One("args"),
            int.Parse(One("exit"), CultureInfo.InvariantCulture),
            Many("stderr"),
            Many("stdout"),
            Many("setup"),
            values.Any(v => v is ("child", "true")));
    }

    // Words separated by spaces; "..." keeps spaces and can be empty.
    private static IEnumerable<string> Split(string args)
    {
        var word = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in args)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (any)
                {
                    yield return word.ToString();
                }

                word.Clear();
                any = false;
            }
            else
            {
                word.Append(c);
                any = true;
            }
        }

        if (any)
        {
            yield return word.ToString();
        }
    }

    // \xNN, \n and \t as C writes them (in arguments and generated files; expected texts are taken as they are).
    private static string Unescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                result.Append(text[i]);
                continue;
            }

            var next = text[++i];
            switch (next)
            {
                case 'n':
                    result.Append('\n');
                    break;
                case 't':
                    result.Append('\t');
                    break;
                case 'x' when i + 2 < text.Length:
                    result.Append((char)int.Parse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 2;
                    break;
                default:
                    result.Append('\\').Append(next);
                    break;
            }
        }

        return result.ToString();
    }
}
