using System.Text;
using MemKata.Engine.Performance;
using MemKata.Grading.Publishing;

namespace MemKata.Grading.Tests.Publishing;

/// <summary>The text of a starter's <c>traces/reference.tsv</c>; its measuring by the reference runs in
/// <c>StarterHandOutTests</c> (through publish) and the CLI's <c>ReplayExerciseTests</c>.</summary>
public sealed class ReferenceTraceTableTests
{
    [Test]
    public void Rows_read_back_in_order_after_the_comment_lines()
    {
        (string, TraceMeasurement)[] rows =
        [
            ("9f", new TraceMeasurement("b.rep", 10, 4096, new WorkCounts(5, 0, 1, 1), null)),
            ("0a", new TraceMeasurement("a.rep", 20, 8192, new WorkCounts(7, 16, 2, 2), "the reference solution did not finish this trace within the rules")),
        ];

        var text = ReferenceTraceTable.Format(rows);

        Assert.Multiple(() =>
        {
            Assert.That(text.Split('\n').Take(2), Has.All.StartWith("# "));
            Assert.That(ReferenceTraceTable.Parse(text), Is.EqualTo(rows), "in the order given, not sorted again");
            Assert.That(ReferenceTraceTable.Parse(text.Replace("\n", "\r\n", StringComparison.Ordinal)), Is.EqualTo(rows), "a checkout with CRLF reads too");
        });
    }

    [Test]
    public void A_damaged_line_is_named()
    {
        var text = ReferenceTraceTable.Format([("9f", new TraceMeasurement("b.rep", 10, 4096, new WorkCounts(5, 0, 1, 1), null))]) + "9f\tb.rep\tten\n";

        var error = Assert.Throws<FormatException>(() => ReferenceTraceTable.Parse(text));

        Assert.That(error.Message, Does.StartWith("line 4: "));
    }

    [Test]
    public void The_key_is_the_SHA_256_of_the_bytes()
    {
        using var bytes = new MemoryStream(Encoding.ASCII.GetBytes("abc"));

        // FIPS 180-2's first example.
        Assert.That(ReferenceTraceTable.Key(bytes), Is.EqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }
}
