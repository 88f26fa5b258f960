using System.Text;

namespace MemKata.Grading.Audit;

/// <summary>
/// One mutant of a reference file: the text at [<paramref name="Start"/>, <paramref name="Start"/> +
/// <paramref name="Length"/>) replaced by <paramref name="Replacement"/>. <paramref name="Id"/> names it without line
/// numbers (member, operator, original and replacement text, and which occurrence), so that an equivalent mutant
/// declared in <c>audit.json</c> keeps its name when code above it moves.
/// </summary>
/// <param name="Id">The stable name, e.g. <c>ReclaimPolicy.ScanCount: Boundary: `size == 0` → `size != 0`</c>.</param>
/// <param name="File">The file's name, as the submission names it (<c>ReclaimPolicy.cs</c>).</param>
/// <param name="Member">The type and member holding the change (<c>ReclaimPolicy.ScanCount</c>).</param>
/// <param name="Operator">What kind of change.</param>
/// <param name="Line">The 1-based line where the change starts.</param>
/// <param name="Start">The offset of the replaced text in the file.</param>
/// <param name="Length">The length of the replaced text.</param>
/// <param name="Original">The replaced text.</param>
/// <param name="Replacement">The text put in its place.</param>
public sealed record Mutant(
    string Id,
    string File,
    string Member,
    MutationOperator Operator,
    int Line,
    int Start,
    int Length,
    string Original,
    string Replacement)
{
    /// <summary>The mutated text of <paramref name="source"/>, the file this mutant was made from.</summary>
    public string Apply(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return string.Concat(source.AsSpan(0, Start), Replacement, source.AsSpan(Start + Length));
    }

    /// <summary>The lines the change touches, before (<c>-</c>) and after (<c>+</c>), under a <c>File:Line</c> heading:
    /// a one-hunk unified diff.</summary>
    public string Diff(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var lineStart = source.LastIndexOf('\n', Math.Max(0, Start - 1)) + 1;
        if (Start == 0)
        {
            lineStart = 0;
        }

        var end = Start + Length;
        var lineEnd = source.IndexOf('\n', end);
        lineEnd = lineEnd < 0 ? source.Length : lineEnd;
        var before = source[lineStart..lineEnd];
        var after = string.Concat(source.AsSpan(lineStart, Start - lineStart), Replacement, source.AsSpan(end, lineEnd - end));
        var diff = new StringBuilder().Append("--- ").Append(File).Append(':').Append(Line).Append('\n');
        foreach (var line in before.Split('\n'))
        {
            diff.Append('-').Append(line.TrimEnd('\r')).Append('\n');
        }

        foreach (var line in after.Split('\n'))
        {
            diff.Append('+').Append(line.TrimEnd('\r')).Append('\n');
        }

        return diff.ToString();
    }
}
