using System.Text;

namespace MemKata.Oracle.Tests.Differential;

/// <summary>Finds where two runs of the same trace in the <c>chunks</c> format part ways and shows both sides around it.</summary>
internal static class ChunksDivergence
{
    /// <summary>The index of the first line that differs (or that one side lacks), or -1 if both are equal.</summary>
    public static int FirstDifference(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var common = Math.Min(expected.Count, actual.Count);
        for (var i = 0; i < common; i++)
        {
            if (!string.Equals(expected[i], actual[i], StringComparison.Ordinal))
            {
                return i;
            }
        }

        return expected.Count == actual.Count ? -1 : common;
    }

    /// <summary>Lines <paramref name="index"/> ± <paramref name="context"/> of <paramref name="lines"/> under
    /// <paramref name="title"/>, the diverging one marked with <c>&gt;</c> and a placeholder where the side has no line.</summary>
    public static string Excerpt(string title, IReadOnlyList<string> lines, int index, int context, string missing)
    {
        var text = new StringBuilder();
        text.Append("--- ").Append(title).Append(" ---\n");
        for (var i = Math.Max(0, index - context); i <= index + context; i++)
        {
            if (i >= lines.Count)
            {
                if (i == index || i == lines.Count)
                {
                    text.Append(i == index ? "> " : "  ").Append(missing).Append('\n');
                }

                break;
            }

            text.Append(i == index ? "> " : "  ").Append(lines[i]).Append('\n');
        }

        return text.ToString();
    }
}
