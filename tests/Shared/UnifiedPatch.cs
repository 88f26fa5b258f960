namespace MemKata.Tests.Shared;

/// <summary>
/// One file's unified diff (the format of <c>diff -u</c> and <c>git diff</c>), applied strictly: every context and
/// removed line must be found exactly where its hunk says, with no fuzz and no offset, so a patch whose base has changed
/// fails with the line that no longer matches instead of producing a different file. The sample submissions that are
/// small changes of a reference or a stub are stored this way (tests/testdata/submissions/*/*/*.patch), so they are not
/// copies that drift from the code they vary. A patch with the two header lines and no hunk is the base unchanged (what
/// <c>diff -u</c> of two equal files would say): the <c>stub</c> samples are stored so.
/// </summary>
internal sealed class UnifiedPatch
{
    private readonly string _path;
    private readonly List<Hunk> _hunks;

    private UnifiedPatch(string path, string basePath, string targetName, List<Hunk> hunks)
    {
        _path = path;
        BasePath = basePath;
        TargetName = targetName;
        _hunks = hunks;
    }

    /// <summary>The base file, as the <c>--- a/PATH</c> line names it: relative to the repository root, '/'-separated.</summary>
    public string BasePath { get; }

    /// <summary>The patched file's name, from the <c>+++ b/NAME</c> line.</summary>
    public string TargetName { get; }

    /// <summary>How many hunks the patch has: 0 when it names its base unchanged.</summary>
    public int HunkCount => _hunks.Count;

    /// <summary>Reads the patch at <paramref name="path"/>. Throws <see cref="InvalidDataException"/> naming the file and
    /// line when it is not a one-file unified diff.</summary>
    public static UnifiedPatch Read(string path)
    {
        var lines = File.ReadAllLines(path);
        string? basePath = null, target = null;
        var hunks = new List<Hunk>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("--- ", StringComparison.Ordinal) && basePath is null)
            {
                basePath = StripPrefix(line[4..], "a/");
            }
            else if (line.StartsWith("+++ ", StringComparison.Ordinal) && target is null)
            {
                target = StripPrefix(line[4..], "b/");
            }
            else if (line.StartsWith("@@ ", StringComparison.Ordinal))
            {
                hunks.Add(Hunk.Parse(path, lines, ref i));
            }
            else if (hunks.Count > 0 || line.StartsWith("+++ ", StringComparison.Ordinal) || line.StartsWith("--- ", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{path}:{i + 1}: unexpected line outside a hunk: '{line}'");
            }
        }

        if (basePath is null || target is null)
        {
            throw new InvalidDataException($"{path}: not a unified diff of one file (it needs '--- a/BASE' and '+++ b/NAME', then its '@@' hunks)");
        }

        return new UnifiedPatch(path, basePath, target, hunks);
    }

    /// <summary>The base text with every hunk applied. Throws <see cref="InvalidDataException"/> naming the patch line
    /// and the base line when a context or removed line does not match.</summary>
    public string Apply(string baseText)
    {
        var endsWithNewline = baseText.EndsWith('\n');
        var source = baseText.Split('\n');
        var lineCount = endsWithNewline ? source.Length - 1 : source.Length;
        var output = new List<string>(lineCount + 64);
        var next = 0;
        var newlineAtEnd = endsWithNewline;
        foreach (var hunk in _hunks)
        {
            // diff -u numbers a pure insertion (COUNT 0) by the line it follows, every other hunk by its first line.
            var start = hunk.OldCount == 0 ? hunk.OldStart : hunk.OldStart - 1;
            if (start < next)
            {
                throw new InvalidDataException($"{_path}:{hunk.PatchLine}: hunks overlap or are out of order");
            }

            for (; next < start; next++)
            {
                output.Add(Line(source, next, lineCount, hunk.PatchLine));
            }

            foreach (var (kind, text, patchLine) in hunk.Lines)
            {
                if (kind is ' ' or '-')
                {
                    var found = Line(source, next, lineCount, patchLine);
                    if (!string.Equals(found, text, StringComparison.Ordinal))
                    {
                        throw new InvalidDataException(
                            $"{_path}:{patchLine}: does not apply to {BasePath}:{next + 1}: expected '{text}', found '{found}' (regenerate the patch)");
                    }

                    next++;
                }

                if (kind is ' ' or '+')
                {
                    output.Add(text);
                }
            }

            newlineAtEnd = hunk.NewEndsWithNewline ?? newlineAtEnd;
        }

        for (; next < lineCount; next++)
        {
            output.Add(source[next]);
        }

        var joined = string.Join('\n', output);
        return newlineAtEnd && output.Count > 0 ? joined + "\n" : joined;
    }

    private string Line(string[] source, int index, int lineCount, int patchLine) =>
        index < lineCount
            ? source[index]
            : throw new InvalidDataException($"{_path}:{patchLine}: does not apply to {BasePath}: it has only {lineCount} lines");

    private static string StripPrefix(string name, string prefix)
    {
        var tab = name.IndexOf('\t', StringComparison.Ordinal);
        var bare = tab < 0 ? name : name[..tab];
        return bare.StartsWith(prefix, StringComparison.Ordinal) ? bare[prefix.Length..] : bare;
    }

    /// <summary>One <c>@@ -a,b +c,d @@</c> block: where it starts in the base, and its lines.</summary>
    private sealed record Hunk(int OldStart, int OldCount, int PatchLine, List<(char Kind, string Text, int PatchLine)> Lines, bool? NewEndsWithNewline)
    {
        public static Hunk Parse(string path, string[] lines, ref int i)
        {
            var header = lines[i];
            var headerLine = i + 1;
            var parts = header.Split(' ');
            if (parts.Length < 4 || !parts[1].StartsWith('-') || !parts[2].StartsWith('+'))
            {
                throw new InvalidDataException($"{path}:{headerLine}: a hunk header reads '@@ -START,COUNT +START,COUNT @@', not '{header}'");
            }

            var (oldStart, oldCount) = Range(path, headerLine, parts[1][1..]);
            var (_, newCount) = Range(path, headerLine, parts[2][1..]);
            var body = new List<(char, string, int)>();
            bool? newEndsWithNewline = null;
            int seenOld = 0, seenNew = 0;
            while ((seenOld < oldCount || seenNew < newCount || (i + 1 < lines.Length && lines[i + 1].StartsWith('\\'))) && i + 1 < lines.Length)
            {
                var line = lines[++i];
                if (line.StartsWith('\\'))
                {
                    // "\ No newline at end of file" after a '+' or ' ' line: the new file ends without one.
                    if (body.Count > 0 && body[^1].Item1 is '+' or ' ')
                    {
                        newEndsWithNewline = false;
                    }

                    continue;
                }

                var kind = line.Length == 0 ? ' ' : line[0];
                if (kind is not (' ' or '-' or '+'))
                {
                    throw new InvalidDataException($"{path}:{i + 1}: a hunk line starts with ' ', '-' or '+', not '{kind}'");
                }

                body.Add((kind, line.Length == 0 ? "" : line[1..], i + 1));
                seenOld += kind is ' ' or '-' ? 1 : 0;
                seenNew += kind is ' ' or '+' ? 1 : 0;
            }

            if (seenOld != oldCount || seenNew != newCount)
            {
                throw new InvalidDataException($"{path}:{headerLine}: the hunk promises {oldCount} old and {newCount} new lines; it has {seenOld} and {seenNew}");
            }

            return new Hunk(oldStart, oldCount, headerLine, body, newEndsWithNewline);
        }

        private static (int Start, int Count) Range(string path, int line, string text)
        {
            var numbers = text.Split(',');
            var values = numbers.Select(n => int.TryParse(n, System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : -1).ToArray();
            if (numbers.Length > 2 || values.Any(v => v < 0))
            {
                throw new InvalidDataException($"{path}:{line}: '{text}' is not a line range (START or START,COUNT)");
            }

            return (values[0], values.Length == 2 ? values[1] : 1);
        }
    }
}
