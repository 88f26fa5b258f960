using MemKata.Cli.Tests.Support;
using MemKata.Scenarios;

namespace MemKata.Cli.Tests.Commands;

/// <summary><c>memkata tour</c>: every built-in scenario in order with its title and explanation, the malloc(8 GiB)
/// table at the end, the same bytes on every run.</summary>
public class TourCommandTests
{
    private CliResult _tour = null!;

    [OneTimeSetUp]
    public void RunTheTourOnce() => _tour = CliResult.Run("tour");

    [Test]
    public void The_tour_runs_and_shows_every_builtin_title_and_explanation_in_order()
    {
        Assert.That(_tour.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(_tour.Stderr, Is.Empty);
        var at = 0;
        foreach (var name in BuiltInScenarios.Names)
        {
            var scenario = BuiltInScenarios.Load(name);
            var title = _tour.Stdout.IndexOf($"  {scenario.Name} ({name})", at, StringComparison.Ordinal);
            Assert.That(title, Is.GreaterThan(at), $"the title of {name}, after the previous stop");
            // Long lines are wrapped at the text format's width, so the start of the explanation is what is looked for.
            var opening = scenario.Explanation.Split('\n')[0];
            opening = opening[..Math.Min(opening.Length, 60)];
            Assert.That(_tour.Stdout.IndexOf(opening, title, StringComparison.Ordinal), Is.GreaterThan(title), $"the explanation of {name}");
            at = title;
        }
    }

    [Test]
    public void The_tour_shows_the_numbers_that_make_the_point()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_tour.Stdout, Does.Contain("heap (brk) 132 KiB"));
            Assert.That(_tour.Stdout, Does.Match(@"kswapd +\d+ background pass\(es\): scanned [1-9]\d* pages"));
            Assert.That(_tour.Stdout, Does.Match(@"Direct reclaim +[1-9]\d* stall\(s\)"));
            Assert.That(_tour.Stdout, Does.Match(@"Swap +[1-9]\d* pages \([^)]+\) written out \(pswpout\)"));
            Assert.That(_tour.Stdout, Does.Contain("OOM kill         pid 1 (database): oom_score 980 when chosen"));
            Assert.That(_tour.Stdout, Does.Contain("OOM kill         pid 2 (cache): oom_score"));
            Assert.That(_tour.Stdout, Does.Match(@"RAM  64 MiB +\[#+=+"));
        });
    }

    [Test]
    public void The_tour_ends_with_the_malloc_8_gib_table_across_the_variants()
    {
        var table = _tour.Stdout[_tour.Stdout.IndexOf("the whole table", StringComparison.Ordinal)..];
        var rows = table.Split('\n').Where(l => l.StartsWith("| i386", StringComparison.Ordinal) || l.StartsWith("| x86-64", StringComparison.Ordinal)).ToList();
        Assert.That(rows, Has.Count.EqualTo(BuiltInScenarios.Names.Count(n => n.StartsWith("10-", StringComparison.Ordinal))));
        Assert.Multiple(() =>
        {
            Assert.That(rows.Single(r => r.StartsWith("| i386", StringComparison.Ordinal)), Does.Contain("NULL: refused"));
            Assert.That(rows.Single(r => r.Contains("one request <= RAM + swap = 4 GiB", StringComparison.Ordinal)), Does.Contain("NULL: refused"));
            Assert.That(rows.Single(r => r.Contains("one request <= RAM + swap = 12 GiB", StringComparison.Ordinal)),
                Does.Contain("succeeds").And.Contain("every page written").And.Match(@"swapped out [1-9]"), "touched by default: the rest goes to swap");
            Assert.That(rows.Single(r => r.Contains("never refuses", StringComparison.Ordinal)), Does.Contain("succeeds").And.Contain("OOM-killed"));
            Assert.That(rows.Single(r => r.Contains("CommitLimit 2 GiB", StringComparison.Ordinal)), Does.Contain("NULL: refused"));
            Assert.That(rows.Single(r => r.Contains("CommitLimit 10 GiB", StringComparison.Ordinal)), Does.Contain("succeeds"));
        });
    }

    [Test]
    public void Allocate_only_leaves_the_blocks_untouched()
    {
        var result = CliResult.Run("tour", "--allocate-only");

        var table = result.Stdout[result.Stdout.IndexOf("the whole table", StringComparison.Ordinal)..];
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(table.Split('\n').Count(l => l.Contains("not touched (--allocate-only)", StringComparison.Ordinal)), Is.EqualTo(2),
            "the two variants whose malloc succeeds without a touch step");
    }

    [Test]
    public void The_tour_in_text_format_is_byte_identical_run_to_run_and_plain_ascii()
    {
        var again = CliResult.Run("tour", "--format", "text");

        Assert.That(again.Stdout, Is.EqualTo(_tour.Stdout));
        Assert.That(_tour.Stdout.Where(c => c > 127 || (c < 32 && c != '\n')), Is.Empty, "no box drawing, no escape codes");
    }

    [Test]
    public void One_stop_shows_that_scenario_only()
    {
        var result = CliResult.Run("tour", "--scenario", "02-large-malloc-uses-mmap");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Stdout, Does.Contain("2/19  128 KiB and more goes to mmap (02-large-malloc-uses-mmap)"));
            Assert.That(result.Stdout, Does.Contain("heap (brk) 132 KiB, 1 mmap area of 132 KiB"));
            Assert.That(result.Stdout, Does.Not.Contain(BuiltInScenarios.Load("01-malloc-1-grows-the-heap").Name));
            Assert.That(result.Stdout, Does.Not.Contain("the whole table"));
        });
    }

    [Test]
    public void An_unknown_stop_is_refused_with_the_names_and_exit_2()
    {
        var result = CliResult.Run("tour", "--scenario", "03-free");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(result.Stderr, Does.StartWith("memkata: no built-in scenario named '03-free'."));
            Assert.That(result.Stderr, Does.Contain("\n  03-free-keeps-brk-unmaps-mmap\n"));
        });
    }

    [Test]
    public void List_numbers_the_stops_with_their_titles()
    {
        var result = CliResult.Run("tour", "--list");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(result.StdoutLines, Has.Length.EqualTo(BuiltInScenarios.Names.Count));
        Assert.That(result.StdoutLines[0], Does.StartWith(" 1. 01-malloc-1-grows-the-heap").And.EndWith(BuiltInScenarios.Load("01-malloc-1-grows-the-heap").Name));
    }

    [Test]
    public void Rich_format_draws_tables_and_bars()
    {
        var result = CliResult.Run("tour", "--scenario", "06-dirty-file-pages-are-written-back", "--format", "rich");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Stdout, Does.Contain("╭"));
            Assert.That(result.Stdout, Does.Match(@"RAM  64 MiB +\[#+=+"));
            Assert.That(result.Stdout, Does.Contain("pgpgout"));
        });
    }
}
