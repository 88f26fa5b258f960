using MemKata.Engine.Input;
using MemKata.Engine.Traces;

namespace MemKata.Engine.Tests.Traces;

public class TraceParserTests
{
    private const string Source = "t.rep";

    private static Trace Parse(string text) => TraceParser.Parse(new StringReader(text), Source);

    private static TraceFormatException ParseError(string text) =>
        Assert.Throws<TraceFormatException>(() => Parse(text))!;

    private static void AssertError(string text, int line, int column, string problem)
    {
        var error = ParseError(text);
        Assert.Multiple(() =>
        {
            Assert.That(error.Source, Is.EqualTo(Source));
            Assert.That(error.Line, Is.EqualTo(line));
            Assert.That(error.Column, Is.EqualTo(column));
            Assert.That(error.Problem, Is.EqualTo(problem));
            Assert.That(error.Message, Is.EqualTo($"{Source}:{line}:{column}: {problem}"));
        });
    }

    // ---- valid traces --------------------------------------------------------------------------------------------

    [Test]
    public void Parses_the_header_and_every_operation_with_its_line()
    {
        var trace = Parse("20000\n2\n3\n1\na 0 512\nr 0 1024\nf 0\n");

        Assert.Multiple(() =>
        {
            Assert.That(trace.Source, Is.EqualTo(Source));
            Assert.That(trace.SuggestedHeapSize, Is.EqualTo(20000));
            Assert.That(trace.IdCount, Is.EqualTo(2));
            Assert.That(trace.Weight, Is.EqualTo(1));
            Assert.That(trace.Operations, Is.EqualTo(new[]
            {
                new TraceOperation(TraceOperationKind.Allocate, 0, 512, 5),
                new TraceOperation(TraceOperationKind.Reallocate, 0, 1024, 6),
                new TraceOperation(TraceOperationKind.Free, 0, 0, 7),
            }));
        });
    }

    [Test]
    public void Blank_lines_extra_spaces_and_CRLF_are_allowed_and_lines_still_count()
    {
        var trace = Parse("\r\n20000 1\r\n  1   1\r\n\r\n  a   0   16  \r\n\r\n");

        Assert.That(trace.IdCount, Is.EqualTo(1));
        Assert.That(trace.Operations, Is.EqualTo(new[] { new TraceOperation(TraceOperationKind.Allocate, 0, 16, 5) }));
    }

    [Test]
    public void A_header_on_one_line_is_accepted()
    {
        var trace = Parse("0 1 1 0\nf 0\n");

        Assert.That(trace.Operations.Single().LineNumber, Is.EqualTo(2));
    }

    [Test]
    public void Zero_operations_are_a_valid_trace()
    {
        Assert.That(Parse("0\n0\n0\n0\n").Operations, Is.Empty);
    }

    [Test]
    public void A_size_of_2_to_the_63_is_the_largest_accepted()
    {
        var trace = Parse("0\n1\n1\n1\na 0 9223372036854775808\n");

        Assert.That(trace.Operations[0].Size, Is.EqualTo(1UL << 63));
    }

    [Test]
    public void Round_trips_through_TraceWriter()
    {
        var original = new Trace("written", 123456, 3, 1,
        [
            new TraceOperation(TraceOperationKind.Allocate, 0, 1, 5),
            new TraceOperation(TraceOperationKind.Allocate, 2, 200000, 6),
            new TraceOperation(TraceOperationKind.Reallocate, 0, 9223372036854775808, 7),
            new TraceOperation(TraceOperationKind.Free, 2, 0, 8),
            new TraceOperation(TraceOperationKind.Reallocate, 1, 0, 9),
            new TraceOperation(TraceOperationKind.Free, 0, 0, 10),
        ]);
        var text = new StringWriter();
        TraceWriter.Write(original, text);

        var parsed = TraceParser.Parse(new StringReader(text.ToString()), "written");

        Assert.Multiple(() =>
        {
            Assert.That(parsed with { Operations = [] }, Is.EqualTo(original with { Operations = [] }));
            Assert.That(parsed.Operations, Is.EqualTo(original.Operations));
        });
    }

    [Test]
    public void ParseFile_reads_a_file_and_names_the_trace_by_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"memkata-{Guid.NewGuid():N}.rep");
        try
        {
            File.WriteAllText(path, "0\n1\n2\n1\na 0 8\nf 0\n");

            var trace = TraceParser.ParseFile(path);

            Assert.That(trace.Source, Is.EqualTo(path));
            Assert.That(trace.Operations, Has.Count.EqualTo(2));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void ParseFile_names_the_file_in_a_format_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"memkata-{Guid.NewGuid():N}.rep");
        try
        {
            File.WriteAllText(path, "0\n1\n1\n1\nx 0 8\n");

            var error = Assert.Throws<TraceFormatException>(() => TraceParser.ParseFile(path))!;

            Assert.That(error.Message, Does.StartWith($"{path}:5:1: unknown operation 'x'"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    // ---- header errors -------------------------------------------------------------------------------------------

    [Test]
    public void An_empty_file_is_reported_on_line_1() => AssertError(
        string.Empty,
        1,
        1,
        "the trace is empty: expected a header of 4 numbers (suggested heap size, number of ids, number of operations, " +
        "weight), then one operation per line");

    [Test]
    public void A_header_cut_short_names_the_missing_field() => AssertError(
        "20000\n2\n",
        2,
        1,
        "unexpected end of file in the header: the number of operations (header field 3 of 4) is missing");

    [Test]
    public void A_non_numeric_header_field_is_reported_on_its_line() => AssertError(
        "20000\ntwo\n3\n1\n",
        2,
        1,
        "the number of ids (header field 2 of 4) is 'two', but it must be a non-negative whole number");

    [Test]
    public void A_negative_header_field_is_reported() => AssertError(
        "20000\n2\n-3\n1\n",
        3,
        1,
        "the number of operations (header field 3 of 4) is -3, but it must not be negative");

    [Test]
    public void A_header_field_too_large_is_reported() => AssertError(
        "20000\n2\n3\n99999999999\n",
        4,
        1,
        "the weight (header field 4 of 4) is 99999999999, which is too large (at most 2147483647)");

    [Test]
    public void An_operation_on_the_headers_last_line_is_reported() => AssertError(
        "20000 1 1 1 a 0 8\n",
        1,
        13,
        "unexpected 'a' after the header's 4 fields: operations start on a line of their own");

    // ---- operation errors ----------------------------------------------------------------------------------------

    [Test]
    public void An_unknown_operation_letter_is_reported() => AssertError(
        "0\n1\n2\n1\na 0 8\n\nm 0 8\n",
        7,
        1,
        "unknown operation 'm': a line starts with a (malloc), r (realloc) or f (free)");

    [Test]
    public void A_malloc_without_a_size_is_reported() => AssertError(
        "0\n1\n1\n1\na 0\n",
        5,
        4,
        "'a' is written 'a id size', but the size is missing");

    [Test]
    public void A_realloc_with_only_its_letter_is_reported() => AssertError(
        "0\n1\n1\n1\nr\n",
        5,
        2,
        "'r' is written 'r id size', but the id and the size are missing");

    [Test]
    public void A_free_without_an_id_is_reported() => AssertError(
        "0\n1\n1\n1\nf\n",
        5,
        2,
        "'f' is written 'f id', but the id is missing");

    [Test]
    public void A_free_with_a_size_is_reported() => AssertError(
        "0\n1\n1\n1\nf 0 16\n",
        5,
        5,
        "'f' is written 'f id', but the line has more: '16'");

    [Test]
    public void A_malloc_with_extra_fields_is_reported() => AssertError(
        "0\n1\n1\n1\na 0 16 32 x\n",
        5,
        8,
        "'a' is written 'a id size', but the line has more: '32 x'");

    [Test]
    public void A_non_numeric_id_is_reported() => AssertError(
        "0\n4\n1\n1\na x 16\n",
        5,
        3,
        "the id 'x' is not a number: the header (line 2) declares 4 ids, so ids run from 0 to 3");

    [Test]
    public void A_negative_id_other_than_minus_1_is_reported() => AssertError(
        "0\n4\n1\n1\nf -2\n",
        5,
        3,
        "the id -2 is negative: the header (line 2) declares 4 ids, so ids run from 0 to 3; only -1 is allowed, for the NULL pointer");

    [Test]
    public void The_NULL_id_is_refused_to_malloc() => AssertError(
        "0\n4\n1\n1\na -1 16\n",
        5,
        3,
        "the id -1 stands for the NULL pointer, which free and realloc take ('f -1', 'r -1 size') but malloc does not: " +
        "give the new block an id (the header (line 2) declares 4 ids, so ids run from 0 to 3)");

    [Test]
    public void An_id_equal_to_the_id_count_is_out_of_range() => AssertError(
        "0\n4\n2\n1\na 3 16\na 4 16\n",
        6,
        3,
        "the id 4 is out of range: the header (line 2) declares 4 ids, so ids run from 0 to 3");

    [Test]
    public void Any_id_is_out_of_range_when_the_header_declares_none() => AssertError(
        "0\n0\n1\n1\nf 0\n",
        5,
        3,
        "the id 0 is out of range: the header (line 2) declares 0 ids, so no id is valid");

    [Test]
    public void An_id_beyond_int_is_out_of_range() => AssertError(
        "0\n1\n1\n1\nf 99999999999999999999\n",
        5,
        3,
        "the id 99999999999999999999 is out of range: the header (line 2) declares 1 id, so ids run from 0 to 0");

    [Test]
    public void A_non_numeric_size_is_reported() => AssertError(
        "0\n1\n1\n1\na 0 1k\n",
        5,
        5,
        "the size '1k' is not a number: sizes are byte counts from 0 to 2^63");

    [Test]
    public void A_negative_size_is_reported() => AssertError(
        "0\n1\n1\n1\nr 0 -16\n",
        5,
        5,
        "the size -16 is negative: sizes are byte counts from 0 to 2^63");

    [TestCase("9223372036854775809")]
    [TestCase("18446744073709551615")]
    [TestCase("18446744073709551616")]
    [TestCase("123456789012345678901234567890")]
    public void A_size_beyond_2_to_the_63_is_reported(string size) => AssertError(
        $"0\n1\n1\n1\na 0 {size}\n",
        5,
        5,
        $"the size {size} is too large: sizes go up to 2^63 = 9223372036854775808");

    // ---- operation count -----------------------------------------------------------------------------------------


    [Test]
    public void Too_few_operations_is_reported_at_the_end_of_the_file() => AssertError(
        "0\n1\n3\n1\na 0 8\nf 0\n",
        6,
        1,
        "unexpected end of file: the header (line 3) promises 3 operations, but the file has only 2");

    [Test]
    public void Only_the_first_problem_is_reported()
    {
        var error = ParseError("0\n1\n1\n1\nq 0\nf 7 7 7\n");

        Assert.That(error.Line, Is.EqualTo(5));
    }

    // ---- files ---------------------------------------------------------------------------------------------------

    [Test]
    public void A_missing_file_says_which_path_was_tried()
    {
        var path = Path.Combine(Path.GetTempPath(), $"memkata-missing-{Guid.NewGuid():N}", "nope.rep");

        var error = Assert.Throws<InputFileException>(() => TraceParser.ParseFile(path))!;

        Assert.That(error.Message, Is.EqualTo(
            $"cannot read trace '{path}': no such file (looked for {path}); check the path and the current folder"));
    }

    [Test]
    public void A_folder_is_not_a_trace()
    {
        var error = Assert.Throws<InputFileException>(() => TraceParser.ParseFile(Path.GetTempPath()))!;

        Assert.That(error.Message, Does.Contain("it is a folder, not a trace file"));
    }
}
