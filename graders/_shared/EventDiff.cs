using System.Text;
using DiffPlex;

namespace MemKata.Graders.Shared;

/// <summary>
/// Explains how two event logs differ, for a learner: the first event where they part, then a unified diff (DiffPlex) of
/// the neighbourhood, a few hunks at most, never the whole log.
/// </summary>
internal static class EventDiff
{
    private const int Context = 3;
    private const int MaxHunks = 3;
    private const int MaxChangedLines = 8;

    /// <summary>The index of the first line where the logs differ, or -1 if they are equal.</summary>
    public static int FirstDivergence(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
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

    /// <summary>The learner-facing explanation: where the logs part, and the diff.</summary>
    public static string Explain(string title, IReadOnlyList<string> expected, IReadOnlyList<string> actual, string expectedName, string actualName)
    {
        var at = FirstDivergence(expected, actual);
        var text = new StringBuilder();
        text.AppendLine(title);
        text.AppendLine($"First difference at event {at + 1} of {expected.Count}:");
        text.AppendLine($"  {expectedName,-9} {(at < expected.Count ? expected[at] : "(no more events)")}");
        text.AppendLine($"  {actualName,-9} {(at < actual.Count ? actual[at] : "(no more events)")}");
        text.AppendLine();
        text.Append(UnifiedDiff(expected, actual, expectedName, actualName));
        return text.ToString();
    }

    /// <summary>A unified diff (<c>---</c>, <c>+++</c>, <c>@@</c> hunks with three lines of context; changes closer than
    /// that share a hunk), first hunks only.</summary>
    public static string UnifiedDiff(IReadOnlyList<string> expected, IReadOnlyList<string> actual, string expectedName, string actualName)
    {
        var blocks = Differ.Instance.CreateLineDiffs(string.Join('\n', expected), string.Join('\n', actual), ignoreWhitespace: false).DiffBlocks;
        var text = new StringBuilder();
        text.AppendLine($"--- {expectedName}");
        text.AppendLine($"+++ {actualName}");
        var hunks = 0;
        for (var first = 0; first < blocks.Count && hunks < MaxHunks; hunks++)
        {
            // Group the blocks whose contexts touch.
            var last = first;
            while (last + 1 < blocks.Count && blocks[last + 1].DeleteStartA - (blocks[last].DeleteStartA + blocks[last].DeleteCountA) <= 2 * Context)
            {
                last++;
            }

            var startA = Math.Max(0, blocks[first].DeleteStartA - Context);
            var startB = Math.Max(0, blocks[first].InsertStartB - Context);
            var endA = Math.Min(expected.Count, blocks[last].DeleteStartA + blocks[last].DeleteCountA + Context);
            var endB = Math.Min(actual.Count, blocks[last].InsertStartB + blocks[last].InsertCountB + Context);
            text.AppendLine($"@@ -{startA + 1},{endA - startA} +{startB + 1},{endB - startB} @@");
            var at = startA;
            var truncated = false;
            for (var b = first; b <= last && !truncated; b++)
            {
                var block = blocks[b];
                for (; at < block.DeleteStartA; at++)
                {
                    text.AppendLine(" " + expected[at]);
                }

                // A block where every line differs (a shifted heap) would be the whole log: show its start only.
                for (var i = 0; i < Math.Min(block.DeleteCountA, MaxChangedLines); i++)
                {
                    text.AppendLine("-" + expected[block.DeleteStartA + i]);
                }

                for (var i = 0; i < Math.Min(block.InsertCountB, MaxChangedLines); i++)
                {
                    text.AppendLine("+" + actual[block.InsertStartB + i]);
                }

                var hidden = Math.Max(0, block.DeleteCountA - MaxChangedLines) + Math.Max(0, block.InsertCountB - MaxChangedLines);
                if (hidden > 0)
                {
                    text.AppendLine($"... {hidden} more changed lines here");
                    truncated = true;
                }

                at = block.DeleteStartA + block.DeleteCountA;
            }

            for (; at < endA && !truncated; at++)
            {
                text.AppendLine(" " + expected[at]);
            }

            first = last + 1;
            if (first < blocks.Count && hunks + 1 == MaxHunks)
            {
                text.AppendLine($"... and {blocks.Count - first} more differences");
            }
        }

        return text.ToString();
    }
}
