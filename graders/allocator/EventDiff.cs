using System.Text;
using DiffPlex;

namespace MemKata.Graders.Allocator;

/// <summary>
/// Explains how two event logs differ, for a learner: the first event where they part, then a unified diff (DiffPlex) of
/// the neighbourhood, a few hunks at most, never the whole log.
/// </summary>
internal static class EventDiff
{
    private const int Context = 3;
    private const int MaxHunks = 3;

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

    /// <summary>A unified diff (<c>---</c>, <c>+++</c>, <c>@@</c> hunks with three lines of context), first hunks only.</summary>
    public static string UnifiedDiff(IReadOnlyList<string> expected, IReadOnlyList<string> actual, string expectedName, string actualName)
    {
        var result = Differ.Instance.CreateLineDiffs(string.Join('\n', expected), string.Join('\n', actual), ignoreWhitespace: false);
        var text = new StringBuilder();
        text.AppendLine($"--- {expectedName}");
        text.AppendLine($"+++ {actualName}");
        var blocks = result.DiffBlocks;
        for (var b = 0; b < blocks.Count && b < MaxHunks; b++)
        {
            var block = blocks[b];
            var startA = Math.Max(0, block.DeleteStartA - Context);
            var startB = Math.Max(0, block.InsertStartB - Context);
            var leading = block.DeleteStartA - startA;
            var endA = Math.Min(expected.Count, block.DeleteStartA + block.DeleteCountA + Context);
            var trailing = endA - (block.DeleteStartA + block.DeleteCountA);
            text.AppendLine($"@@ -{startA + 1},{endA - startA} +{startB + 1},{leading + block.InsertCountB + trailing} @@");
            for (var i = startA; i < block.DeleteStartA; i++)
            {
                text.AppendLine(" " + expected[i]);
            }

            for (var i = 0; i < block.DeleteCountA; i++)
            {
                text.AppendLine("-" + expected[block.DeleteStartA + i]);
            }

            for (var i = 0; i < block.InsertCountB; i++)
            {
                text.AppendLine("+" + actual[block.InsertStartB + i]);
            }

            for (var i = block.DeleteStartA + block.DeleteCountA; i < endA; i++)
            {
                text.AppendLine(" " + expected[i]);
            }
        }

        if (blocks.Count > MaxHunks)
        {
            text.AppendLine($"... and {blocks.Count - MaxHunks} more differences");
        }

        return text.ToString();
    }
}
