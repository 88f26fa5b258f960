using MemKata.Engine.Traces;

namespace MemKata.Engine.Tests.Traces;

public class TraceReaderTests
{
    private static TraceFormatException Error(string text) =>
        Assert.Throws<TraceFormatException>(() => new TraceReader(new StringReader(text), "t.rep").ReadToEnd())!;

    [Test]
    public void Reads_operations_one_at_a_time_and_tracks_the_largest_id()
    {
        var reader = new TraceReader(new StringReader("0\n2000000000\n2\n1\na 7 16\nf 1999999999\n"), "t.rep");

        Assert.Multiple(() =>
        {
            Assert.That(reader.Header, Is.EqualTo(new TraceHeader(0, 2000000000, 2, 1)));
            Assert.That(reader.TryRead(out var first), Is.True);
            Assert.That(first, Is.EqualTo(new TraceOperation(TraceOperationKind.Allocate, 7, 16, 5)));
            Assert.That(reader.ReadToEnd(), Is.EqualTo(2));
            Assert.That(reader.MaxIdUsed, Is.EqualTo(1999999999));
            Assert.That(reader.TryRead(out _), Is.False);
        });
    }

    [Test]
    public void A_line_without_end_is_cut_and_reported_not_read_whole()
    {
        var error = Error("0\n1\n1\n1\na 0 " + new string('9', 10_000_000));

        Assert.Multiple(() =>
        {
            Assert.That(error.Line, Is.EqualTo(5));
            Assert.That(error.Problem, Does.StartWith($"this line is longer than {TraceReader.MaxLineLength} characters ('a 0 99999999999999999999...' ("));
            Assert.That(error.Message, Has.Length.LessThan(300));
        });
    }

    [Test]
    public void A_long_token_is_quoted_short()
    {
        var error = Error("0\n1\n1\n1\na 0 " + new string('x', 4000) + "\n");

        Assert.That(error.Message, Has.Length.LessThan(300).And.Contain("(3960 more characters)"));
    }

    [Test]
    public void Binary_data_is_reported_with_its_column_and_never_echoed()
    {
        var error = Error("0\n1\n1\n1\na 0 1\u001b[2J\0\n");

        Assert.Multiple(() =>
        {
            Assert.That(error.Line, Is.EqualTo(5));
            Assert.That(error.Column, Is.EqualTo(10));
            Assert.That(error.Problem, Does.StartWith("this line holds binary data (a NUL byte)"));
            Assert.That(error.Message, Does.Not.Contain("\u001b"));
        });
    }

    [Test]
    public void Escape_codes_in_a_token_are_escaped() =>
        Assert.That(Error("0\n1\n1\n1\n\u001b[31ma 0 1\n").Problem, Does.StartWith(@"unknown operation '\x1b[31ma'"));

    [Test]
    public void A_lone_carriage_return_ends_a_line_as_ReadLine_does()
    {
        var reader = new TraceReader(new StringReader("0\r1\r1\r1\ra 0 8\r"), "t.rep");

        Assert.That(reader.TryRead(out var op) ? op.LineNumber : 0, Is.EqualTo(5));
    }
    // ---- CMU 15-213's conventions --------------------------------------------------------------------------------

    [Test]
    public void Minus_1_is_the_NULL_pointer_for_free_and_realloc_and_counts_as_no_id()
    {
        var reader = new TraceReader(new StringReader("0\n0\n2\n1\nf -1\nr -1 24\n"), "t.rep");

        Assert.Multiple(() =>
        {
            Assert.That(reader.TryRead(out var free) ? free : default, Is.EqualTo(new TraceOperation(TraceOperationKind.Free, TraceOperation.NullId, 0, 5)));
            Assert.That(reader.TryRead(out var realloc) ? realloc.IsOnNull : false, Is.True);
            Assert.That(reader.ReadToEnd(), Is.EqualTo(2));
            Assert.That(reader.MaxIdUsed, Is.EqualTo(-1), "no id is used");
        });
    }

    [Test]
    public void Text_after_the_promised_operations_is_not_read_and_noted_where_it_starts()
    {
        var reader = new TraceReader(new StringReader("0\n1\n2\n1\na 0 8\n\nf 0\n\r\n  \na 0 8\nnot even an operation\n"), "t.rep");

        Assert.Multiple(() =>
        {
            Assert.That(reader.ReadToEnd(), Is.EqualTo(2));
            Assert.That(reader.Surplus, Is.EqualTo(new TraceSurplus("t.rep", 10, 2, 3)));
            Assert.That(reader.Surplus?.Note, Is.EqualTo(
                "t.rep:10:1: note: the header (line 3) promises 2 operations, so this line and the rest of the file are " +
                "not read (as CMU's mdriver does not read them)"));
        });
    }

    [TestCase("\0\u0001binary", TestName = "Surplus_binary_data_is_not_read")]
    [TestCase("x", TestName = "Surplus_text_of_any_kind_is_not_read")]
    public void Surplus_text_is_never_parsed(string surplus)
    {
        var reader = new TraceReader(new StringReader("0\n1\n1\n1\nf 0\n" + surplus + new string('9', 10_000)), "t.rep");

        Assert.Multiple(() =>
        {
            Assert.That(reader.ReadToEnd(), Is.EqualTo(1));
            Assert.That(reader.Surplus?.Line, Is.EqualTo(6));
        });
    }

    [Test]
    public void Blank_lines_after_the_last_operation_are_no_surplus()
    {
        var reader = new TraceReader(new StringReader("0\n1\n1\n1\nf 0\n\n \t\r\n\n"), "t.rep");
        reader.ReadToEnd();

        Assert.That(reader.Surplus, Is.Null);
    }
}
