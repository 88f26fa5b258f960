using MemKata.Cli.Comparing;
using MemKata.Scenarios.Comparing;

namespace MemKata.Cli.Tests.Comparing;

/// <summary><see cref="LogAlignment"/>: rows side by side, compared without the events' numbers, and the unified diff.</summary>
public class LogAlignmentTests
{
    [Test]
    public void An_extra_event_is_one_row_of_its_own_and_the_lines_after_it_stay_the_same()
    {
        var reference = Lines(("", "step 1"), ("#2", "a"), ("#3", "b"));
        var yours = Lines(("", "step 1"), ("#2", "extra"), ("#3", "a"), ("#4", "b"));

        var rows = LogAlignment.Rows(reference, yours);

        Assert.That(rows.Select(r => r.Kind), Is.EqualTo(new[] { RowKind.Same, RowKind.OnlyYours, RowKind.Same, RowKind.Same }));
    }

    [Test]
    public void Changed_lines_are_paired_and_the_surplus_stands_alone()
    {
        var reference = Lines(("#1", "a"), ("#2", "b"), ("#3", "c"));
        var yours = Lines(("#1", "a"), ("#2", "x"));

        var rows = LogAlignment.Rows(reference, yours);

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Kind), Is.EqualTo(new[] { RowKind.Same, RowKind.Changed, RowKind.OnlyReference }));
            Assert.That(rows[1].Reference!.Text, Is.EqualTo("b"));
            Assert.That(rows[1].Yours!.Text, Is.EqualTo("x"));
        });
    }

    [Test]
    public void An_empty_run_against_a_log_is_every_line_only_in_the_reference()
    {
        var rows = LogAlignment.Rows(Lines(("#1", "a"), ("#2", "b")), []);

        Assert.That(rows.Select(r => r.Kind), Is.EqualTo(new[] { RowKind.OnlyReference, RowKind.OnlyReference }));
    }

    [Test]
    public void The_unified_diff_shows_the_lines_with_their_numbers_and_is_empty_for_equal_logs()
    {
        var reference = Lines(("", "step 1"), ("#2", "a"), ("#3", "b"));
        var yours = Lines(("", "step 1"), ("#2", "a"), ("#3", "c"));

        Assert.Multiple(() =>
        {
            Assert.That(LogAlignment.UnifiedDiff(reference, yours), Is.EqualTo(
                "--- reference\n+++ yours\n@@ -1,3 +1,3 @@\n step 1\n   #2 a\n-  #3 b\n+  #3 c\n"));
            Assert.That(LogAlignment.UnifiedDiff(reference, reference), Is.Empty);
        });
    }

    private static List<TranscriptLine> Lines(params (string Label, string Text)[] lines) =>
        [.. lines.Select(l => new TranscriptLine(l.Label, l.Text, 1))];
}
