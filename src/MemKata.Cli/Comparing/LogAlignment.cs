using System.Text;
using DiffPlex;
using DiffPlex.Model;
using MemKata.Scenarios.Comparing;

namespace MemKata.Cli.Comparing;

/// <summary>
/// Aligns two transcripts with DiffPlex's line diff (Myers), comparing the lines' <see cref="TranscriptLine.Text"/>:
/// rows side by side, and a unified diff (<c>---</c>, <c>+++</c>, <c>@@</c> hunks with three lines of context).
/// Deterministic: the same transcripts give the same rows and text.
/// </summary>
internal static class LogAlignment
{
    private const int Context = 3;

    /// <summary>The rows of <paramref name="reference"/> and <paramref name="yours"/> side by side: equal lines share a
    /// row; in a changed block, deleted and inserted lines are paired in order, the surplus stands alone.</summary>
    public static IReadOnlyList<ComparisonRow> Rows(IReadOnlyList<TranscriptLine> reference, IReadOnlyList<TranscriptLine> yours)
    {
        var rows = new List<ComparisonRow>();
        int a = 0, b = 0;
        foreach (var block in Blocks(reference, yours))
        {
            for (; a < block.DeleteStartA; a++, b++)
            {
                rows.Add(new ComparisonRow(RowKind.Same, reference[a], yours[b]));
            }

            var paired = Math.Min(block.DeleteCountA, block.InsertCountB);
            for (var i = 0; i < paired; i++)
            {
                rows.Add(new ComparisonRow(RowKind.Changed, reference[a++], yours[b++]));
            }

            for (var i = paired; i < block.DeleteCountA; i++)
            {
                rows.Add(new ComparisonRow(RowKind.OnlyReference, reference[a++], null));
            }

            for (var i = paired; i < block.InsertCountB; i++)
            {
                rows.Add(new ComparisonRow(RowKind.OnlyYours, null, yours[b++]));
            }
        }

        for (; a < reference.Count; a++, b++)
        {
            rows.Add(new ComparisonRow(RowKind.Same, reference[a], yours[b]));
        }

        return rows;
    }

    /// <summary>The unified diff of the two transcripts (every hunk), their lines shown with their event numbers;
    /// empty when they are equal.</summary>
    public static string UnifiedDiff(IReadOnlyList<TranscriptLine> reference, IReadOnlyList<TranscriptLine> yours)
    {
        var blocks = Blocks(reference, yours);
        if (blocks.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder("--- reference\n+++ yours\n");
        for (var first = 0; first < blocks.Count;)
        {
            // Blocks whose contexts touch share a hunk.
            var last = first;
            while (last + 1 < blocks.Count && blocks[last + 1].DeleteStartA - (blocks[last].DeleteStartA + blocks[last].DeleteCountA) <= 2 * Context)
            {
                last++;
            }

            var startA = Math.Max(0, blocks[first].DeleteStartA - Context);
            var startB = Math.Max(0, blocks[first].InsertStartB - Context);
            var endA = Math.Min(reference.Count, blocks[last].DeleteStartA + blocks[last].DeleteCountA + Context);
            var endB = Math.Min(yours.Count, blocks[last].InsertStartB + blocks[last].InsertCountB + Context);
            text.Append($"@@ -{startA + 1},{endA - startA} +{startB + 1},{endB - startB} @@\n");
            var at = startA;
            for (var i = first; i <= last; i++)
            {
                var block = blocks[i];
                for (; at < block.DeleteStartA; at++)
                {
                    text.Append(' ').Append(reference[at].Display).Append('\n');
                }

                for (var d = 0; d < block.DeleteCountA; d++)
                {
                    text.Append('-').Append(reference[block.DeleteStartA + d].Display).Append('\n');
                }

                for (var n = 0; n < block.InsertCountB; n++)
                {
                    text.Append('+').Append(yours[block.InsertStartB + n].Display).Append('\n');
                }

                at = block.DeleteStartA + block.DeleteCountA;
            }

            for (; at < endA; at++)
            {
                text.Append(' ').Append(reference[at].Display).Append('\n');
            }

            first = last + 1;
        }

        return text.ToString();
    }

    private static IReadOnlyList<DiffBlock> Blocks(IReadOnlyList<TranscriptLine> reference, IReadOnlyList<TranscriptLine> yours) =>
        [.. Differ.Instance.CreateDiffs(Joined(reference), Joined(yours), ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance).DiffBlocks];

    private static string Joined(IReadOnlyList<TranscriptLine> lines) => string.Join('\n', lines.Select(l => l.Text));

    // One piece per line; an empty text is no line at all (DiffPlex's own chunker would make it one empty line).
    private sealed class LineChunker : IChunker
    {
        public static readonly LineChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text) => text.Length == 0 ? [] : text.Split('\n');
    }
}
