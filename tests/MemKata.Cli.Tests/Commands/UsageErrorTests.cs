using MemKata.Cli.Tests.Support;

namespace MemKata.Cli.Tests.Commands;

/// <summary>What memkata does with a bad command line or a bad trace: one <c>memkata: ...</c> line on standard error,
/// nothing on standard output, exit code 2, never a stack trace. None of this needs the allocator.</summary>
public class UsageErrorTests
{
    [Test]
    public void A_malformed_trace_gives_file_line_and_problem_exit_2_and_empty_stdout()
    {
        using var trace = new TraceFile("0\n1\n2\n1\na 0 8\nx 0 8\n");

        var result = CliResult.Run("replay", trace.Path);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(result.Stderr, Is.EqualTo(
                $"memkata: {trace.Path}:6:1: unknown operation 'x': a line starts with a (malloc), r (realloc) or f (free)\n" +
                "The trace format is described in 'memkata replay --help'.\n"));
        });
    }

    [TestCase("text")]
    [TestCase("chunks")]
    public void A_malformed_trace_stops_before_any_operation_in_every_format(string format)
    {
        using var trace = new TraceFile("0\n1\n3\n1\na 0 8\nf 0\n");

        var result = CliResult.Run("replay", trace.Path, "--format", format);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(result.Stderr, Does.StartWith($"memkata: {trace.Path}:6:1: unexpected end of file"));
        });
    }

    [Test]
    public void A_missing_file_gives_a_clear_message_and_exit_2()
    {
        var path = Path.Combine(Path.GetTempPath(), $"memkata-no-such-{Guid.NewGuid():N}.rep");

        var result = CliResult.Run("replay", path);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(result.Stderr, Is.EqualTo(
                $"memkata: cannot read trace '{path}': no such file (looked for {path}); check the path and the current folder\n"));
        });
    }

    [Test]
    public void A_folder_is_not_a_trace()
    {
        var result = CliResult.Run("replay", Path.GetTempPath());

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(result.Stderr, Does.Contain("it is a folder, not a trace file"));
    }

    [TestCase("0", "memkata: --bench needs at least 1 round, e.g. --bench 100; got 0.")]
    [TestCase("-3", "memkata: --bench needs at least 1 round, e.g. --bench 100; got -3.")]
    [TestCase("many", "memkata: --bench takes a whole number of rounds, e.g. --bench 100; 'many' is not one.")]
    public void Bench_rounds_below_1_or_not_a_number_are_rejected(string rounds, string message)
    {
        var result = CliResult.Run("replay", "--bench", rounds);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(result.Stderr, Is.EqualTo($"{message}\nTry 'memkata replay --help' for the options and examples.\n"));
        });
    }

    [Test]
    public void Bench_without_its_count_is_rejected()
    {
        var result = CliResult.Run("replay", "--bench");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(result.Stderr, Does.StartWith("memkata: "));
    }

    [Test]
    public void Bench_and_chunks_do_not_go_together()
    {
        var result = CliResult.Run("replay", "--bench", "2", "--format", "chunks");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(result.Stderr, Does.StartWith("memkata: --bench prints timings, not chunks"));
    }

    [Test]
    public void An_unknown_format_is_rejected_with_System_CommandLines_message()
    {
        var result = CliResult.Run("replay", "--format", "xml");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(result.Stderr, Does.StartWith("memkata: Argument 'xml' not recognized. Must be one of:"));
        });
    }

    [TestCase(new string[0], "Required command was not provided.")]
    [TestCase(new[] { "frobnicate" }, "Unrecognized command or argument 'frobnicate'.")]
    [TestCase(new[] { "replay", "--verbose" }, "Unrecognized option '--verbose' (a trace file named so can be given as ./--verbose).")]
    [TestCase(new[] { "replay", "a.rep", "b.rep" }, "Unrecognized command or argument 'b.rep'.")]
    public void Bad_command_lines_exit_with_2(string[] args, string message)
    {
        var result = CliResult.Run(args);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(result.Stderr, Does.Contain($"memkata: {message}\n"));
            Assert.That(result.Stderr, Does.Contain("--help' for the options and examples."));
            Assert.That(result.Stderr, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [Test]
    public void A_trace_file_whose_name_starts_with_a_dash_can_be_given_with_its_folder()
    {
        var result = CliResult.Run("replay", "./-no-such.rep");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(result.Stderr, Does.StartWith("memkata: cannot read trace './-no-such.rep': no such file"));
    }

    [Test]
    public void Help_lists_the_commands_with_examples()
    {
        var result = CliResult.Run("--help");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Stderr, Is.Empty);
            Assert.That(result.Stdout, Does.Contain("Usage:\n  memkata [command] [options]"));
            Assert.That(result.Stdout, Does.Contain("replay <TRACE>"));
            Assert.That(result.Stdout, Does.Contain("Examples:\n  memkata tour "));
            Assert.That(result.Stdout, Does.Contain("\n  memkata replay "));
            Assert.That(result.Stdout, Does.Contain("\n  tour "));
            Assert.That(result.Stdout, Does.Contain("\n  scenario "));
        });
    }

    [Test]
    public void Replay_help_explains_every_option_the_trace_format_examples_and_exit_codes()
    {
        var result = CliResult.Run("replay", "--help");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Stdout, Does.Contain("memkata replay [<TRACE>] [options]"));
            Assert.That(result.Stdout, Does.Contain("'a id size' is p[id] = malloc(size)"));
            Assert.That(result.Stdout, Does.Contain("--format <text|chunks|html>"));
            Assert.That(result.Stdout, Does.Contain("--bench <N>"));
            Assert.That(result.Stdout, Does.Contain("e.g. --bench 100"));
            Assert.That(result.Stdout, Does.Contain("memkata replay traces/my.rep --format chunks"));
            Assert.That(result.Stdout, Does.Contain("134  the process aborted"));
            Assert.That(result.Stdout, Does.Contain("139  the process had a segmentation fault"));
        });
    }

    [Test]
    public void Help_wins_over_a_bad_option_value()
    {
        var result = CliResult.Run("replay", "--bench", "0", "--help");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(result.Stdout, Does.Contain("memkata replay [<TRACE>] [options]"));
    }
}
