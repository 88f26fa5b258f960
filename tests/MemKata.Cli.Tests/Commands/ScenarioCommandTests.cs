using MemKata.Cli.Tests.Support;
using MemKata.Scenarios;

namespace MemKata.Cli.Tests.Commands;

/// <summary><c>memkata scenario run</c> and <c>memkata scenario list</c>: what a run prints, and how a bad scenario, a
/// missing file or an unknown built-in is reported (one <c>memkata: ...</c> message, exit 2, no stack trace).</summary>
public class ScenarioCommandTests
{
    private const string MallocAndTouch =
        "name: a mapped block, touched\n" +
        "machine: { ram: 64 MiB }\n" +
        "steps:\n" +
        "  - malloc: 200 KiB\n" +
        "    as: p\n" +
        "  - touch: p\n";

    [Test]
    public void A_builtin_run_in_text_format_is_the_scenario_report_with_steps_event_log_and_proc_views()
    {
        const string name = "01-malloc-1-grows-the-heap";

        var result = CliResult.Run("scenario", "run", "--builtin", name);

        var expected = ScenarioRunner.Run(BuiltInScenarios.Load(name)).Render();
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Stderr, Is.Empty);
            Assert.That(result.Stdout, Is.EqualTo(expected));
            Assert.That(result.Stdout, Does.Contain("## Steps\n  1. (line 9) app: p = malloc(1 B) -> 0x"));
            Assert.That(result.Stdout, Does.Contain("Syscall: brk("));
            Assert.That(result.Stdout, Does.Contain("## /proc/meminfo\nMemTotal:"));
            Assert.That(result.Stdout, Does.Contain("## /proc/vmstat\n"));
            Assert.That(result.Stdout, Does.Contain("## /proc/1/status\nName:\tapp\n"));
            Assert.That(result.Stdout, Does.Contain("oom_score:\t"));
        });
    }

    [Test]
    public void A_scenario_file_runs_and_each_step_is_reported_with_its_line()
    {
        using var file = new TempScenarioFile(MallocAndTouch);

        var result = CliResult.Run("scenario", "run", file.Path);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Stderr, Is.Empty);
            Assert.That(result.Stdout, Does.StartWith("# a mapped block, touched\n"));
            Assert.That(result.Stdout, Does.Contain("  1. (line 4) app: p = malloc(200 KiB) -> 0x"));
            Assert.That(result.Stdout, Does.Match(@"  2\. \(line 6\) app: write p -> \d+ pages written  \[\d+ minor, 0 major faults\]"));
            Assert.That(result.Stdout, Does.Contain("Syscall: mmap(NULL, "));
        });
    }

    [Test]
    public void An_oom_kill_is_an_outcome_not_an_error()
    {
        var result = CliResult.Run("scenario", "run", "--builtin", "08-oom-killer-picks-the-biggest");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Stderr, Is.Empty);
            Assert.That(result.Stdout, Does.Contain("OomKill: Out of memory: Killed process 1 (database)"));
        });
    }

    [Test]
    public void A_step_the_parser_does_not_know_gives_file_line_column_and_exit_2()
    {
        using var file = new TempScenarioFile("name: typo\nsteps:\n  - maloc: 1\n");

        var result = CliResult.Run("scenario", "run", file.Path);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(result.Stderr, Does.StartWith($"memkata: {file.Path}:3:5: "));
            Assert.That(result.Stderr, Does.Contain("maloc"));
            Assert.That(result.Stderr, Does.EndWith("\nThe scenario format is described in 'memkata scenario run --help'.\n"));
            Assert.That(result.Stderr, Does.Not.Contain("   at "));
        });
    }

    [Test]
    public void Malformed_yaml_gives_file_line_column_and_a_problem_and_exit_2()
    {
        using var file = new TempScenarioFile("name: broken\nsteps:\n  - malloc: [1\n");

        var result = CliResult.Run("scenario", "run", file.Path);

        var firstLine = result.Stderr.Split('\n')[0];
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(firstLine, Does.Match($@"^memkata: {System.Text.RegularExpressions.Regex.Escape(file.Path)}:\d+:\d+: not valid YAML\S*.{{10,}}$"));
            Assert.That(result.Stderr, Does.Not.Contain("   at "));
        });
    }

    [Test]
    public void A_missing_scenario_file_gives_a_clear_message_and_exit_2()
    {
        var path = Path.Combine(Path.GetTempPath(), $"memkata-no-such-{Guid.NewGuid():N}.yaml");

        var result = CliResult.Run("scenario", "run", path);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(result.Stderr, Is.EqualTo(
                $"memkata: cannot read scenario '{path}': no such file (looked for {path}); check the path and the current folder\n"));
        });
    }

    [Test]
    public void A_folder_is_not_a_scenario_file()
    {
        var result = CliResult.Run("scenario", "run", Path.GetTempPath());

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
            Assert.That(result.Stderr, Does.Contain("it is a folder, not a scenario file"));
        });
    }

    [Test]
    public void A_scenario_file_runs_in_rich_format_too()
    {
        using var file = new TempScenarioFile(MallocAndTouch);

        var result = CliResult.Run("scenario", "run", file.Path, "--format", "rich");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Stdout, Does.Contain("│ p = malloc(200 KiB)"));
            Assert.That(result.Stdout, Does.Contain("anonymous mmap (a malloc chunk of its own)"));
        });
    }

    [Test]
    public void An_unknown_builtin_is_refused_with_every_builtin_name_and_exit_2()
    {
        var result = CliResult.Run("scenario", "run", "--builtin", "no-such-scenario");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(result.Stderr, Does.StartWith("memkata: no built-in scenario named 'no-such-scenario'."));
            foreach (var name in BuiltInScenarios.Names)
            {
                Assert.That(result.Stderr, Does.Contain($"\n  {name}\n"));
            }
        });
    }

    [TestCase]
    [TestCase("my.yaml", "--builtin", "01-malloc-1-grows-the-heap")]
    public void Run_needs_exactly_one_of_a_file_and_builtin(params string[] extra)
    {
        var result = CliResult.Run(["scenario", "run", .. extra]);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(result.Stderr, Does.EndWith("Try 'memkata scenario run --help' for the options and examples.\n"));
        });
    }

    [Test]
    public void Text_output_is_byte_identical_run_to_run()
    {
        var first = CliResult.Run("scenario", "run", "--builtin", "07-anonymous-pages-go-to-swap", "--format", "text");
        var second = CliResult.Run("scenario", "run", "--builtin", "07-anonymous-pages-go-to-swap", "--format", "text");

        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(second.Stdout, Is.EqualTo(first.Stdout));
    }

    [Test]
    public void Rich_output_has_tables_the_event_log_the_memory_picture_and_the_proc_views()
    {
        var result = CliResult.Run("scenario", "run", "--builtin", "07-anonymous-pages-go-to-swap", "--format", "rich");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Stdout, Does.Contain("│ first = malloc(24 MiB)"));
            Assert.That(result.Stdout, Does.Contain("Reclaim: "));
            Assert.That(result.Stdout, Does.Match(@"swap 64 MiB +\[#+\.+\] used "));
            Assert.That(result.Stdout, Does.Contain("pswpout"));
            Assert.That(result.Stdout, Does.Contain("SwapFree"));
        });
    }

    [Test]
    public void List_names_every_builtin_with_its_title_in_tour_order()
    {
        var result = CliResult.Run("scenario", "list");

        var lines = result.StdoutLines;
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(lines, Has.Length.EqualTo(BuiltInScenarios.Names.Count));
        for (var i = 0; i < lines.Length; i++)
        {
            var name = BuiltInScenarios.Names[i];
            Assert.That(lines[i], Does.StartWith(name + " ").And.EndWith(BuiltInScenarios.Load(name).Name));
        }
    }

    [Test]
    public void Show_page_table_after_a_write_to_a_private_file_mapping_shows_the_copies_and_the_other_process_on_the_file()
    {
        var result = CliResult.Run("scenario", "run", "--builtin", "11-map-private-file-pages-are-copied-on-write", "--format", "text",
            "--show", "page-table", "--step", "5");

        var view = result.Stdout[result.Stdout.IndexOf("## The machine after each step (--show)", StringComparison.Ordinal)..].Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Stderr);
            Assert.That(view[1], Is.EqualTo("-- the reference's run, after step 5 --"));
            Assert.That(view, Has.Member("    0x7ffff7fb1000     16 pages present rw dirty"), "the editor's own copies");
            Assert.That(view, Has.Member("    0x7ffff7fb1000     16 pages file (page cache) r-"), "the viewer still maps the file's pages");
            Assert.That(view.Count(l => l.StartsWith("-- ", StringComparison.Ordinal)), Is.EqualTo(1), "--step 5 only");
        });
    }
}
