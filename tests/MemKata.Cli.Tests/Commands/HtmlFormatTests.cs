using MemKata.Cli.Tests.Support;

namespace MemKata.Cli.Tests.Commands;

/// <summary><c>--format html --output FILE [--lang]</c> of <c>scenario run</c>, <c>replay</c> and <c>tour</c>: the
/// command writes the library's page to the file, the same bytes on every run, and says where it went. What the page
/// draws is MemKata.Reports.Html's to test.</summary>
public class HtmlFormatTests
{
    private string _folder = "";

    [SetUp]
    public void MakeFolder() => _folder = Directory.CreateTempSubdirectory("memkata-html-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Scenario_run_writes_the_same_page_twice()
    {
        var first = Path.Combine(_folder, "a.html");
        var second = Path.Combine(_folder, "b.html");

        var result = CliResult.Run("scenario", "run", "--builtin", "01-malloc-1-grows-the-heap", "--format", "html", "--output", first, "--lang", "zh-CN");
        CliResult.Run("scenario", "run", "--builtin", "01-malloc-1-grows-the-heap", "--format", "html", "--output", second, "--lang", "zh-CN");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Stderr, Is.Empty);
            Assert.That(result.Stdout, Does.StartWith($"memkata: wrote the report to {first} ("));
            Assert.That(File.ReadAllText(first), Does.Contain("<html lang=\"zh-CN\">").And.Contain("malloc(1) 让堆增长 132 KiB"));
            Assert.That(File.ReadAllBytes(second), Is.EqualTo(File.ReadAllBytes(first)));
        });
    }

    [Test]
    public void Replay_writes_the_heap_of_the_bundled_trace()
    {
        var page = Path.Combine(_folder, "replay.html");

        var result = CliResult.Run("replay", "--format", "html", "--output", page);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(File.ReadAllText(page), Does.Contain("<svg class=\"heap-strips\""));
        });
    }

    [Test]
    public void Tour_writes_one_stop()
    {
        var page = Path.Combine(_folder, "tour.html");

        var result = CliResult.Run("tour", "--scenario", "02-large-malloc-uses-mmap", "--format", "html", "--output", page);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(File.ReadAllText(page), Does.Contain("id=\"stop-02-large-malloc-uses-mmap\""));
        });
    }

    [Test]
    public void Output_without_html_is_a_usage_error()
    {
        var result = CliResult.Run("scenario", "run", "--builtin", "01-malloc-1-grows-the-heap", "--output", Path.Combine(_folder, "x.html"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
            Assert.That(result.Stderr, Does.Contain("--output and --lang go with --format html."));
        });
    }
}
