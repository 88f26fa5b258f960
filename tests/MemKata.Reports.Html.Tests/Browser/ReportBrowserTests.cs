using System.Text;
using MemKata.Reports.Html.Recording;
using MemKata.Reports.Html.Text;
using MemKata.Scenarios;
using Transcript = MemKata.Scenarios.Comparing.Transcript;
using MemKata.Scenarios.Summaries;
using Microsoft.Playwright;

namespace MemKata.Reports.Html.Tests.Browser;

/// <summary>
/// The reports in a real browser: the system's headless Chromium (Debian's chromium package, which .ci/run installs),
/// driven by Playwright, one browser for the fixture. Each page is opened from a file; every request but the page's own
/// is aborted and recorded, every console error is recorded, and both lists must stay empty. The screenshots are saved
/// under the temporary folder (memkata-report-screenshots) and attached to the test, to be looked at.
/// </summary>
[NonParallelizable]
public class ReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly Lazy<IReadOnlyList<ScenarioFilm>> Tour = new(() => [.. BuiltInScenarios.Names.Select(ScenarioFilm.BuiltIn)]);

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private static string Screenshots => Path.Combine(Path.GetTempPath(), "memkata-report-screenshots");

    [OneTimeSetUp]
    public async Task LaunchChromium()
    {
        Assert.That(File.Exists(Chromium), Is.True, $"{Chromium} is missing: apt-get install chromium fonts-noto-cjk (.ci/run does)");
        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--headless"] });
    }

    [OneTimeTearDown]
    public async Task CloseChromium()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    [TestCase(ReportLanguage.English)]
    [TestCase(ReportLanguage.SimplifiedChinese)]
    public async Task The_reclaim_scenario_shows_every_drawing(string language)
    {
        var html = Reports.Scenario(Reports.Reclaim, language);

        await using var view = await Open(html, $"05-{language}");

        Assert.Multiple(async () =>
        {
            Assert.That(await view.Page.Locator("svg.timeline").CountAsync(), Is.EqualTo(1));
            Assert.That(await view.Page.Locator("svg.ram-frames g.ram-step").CountAsync(), Is.EqualTo(4), "before the first step and after each of 3");
            Assert.That(await view.Page.Locator("svg.heap-strips g.strip").CountAsync(), Is.EqualTo(2));
            Assert.That(await view.Page.Locator("svg.heap-strips g.chunk").CountAsync(), Is.EqualTo(6), "tcache, top and the 96 MiB mapping, twice");
            Assert.That(await view.Page.Locator("svg.address-space").CountAsync(), Is.EqualTo(1));
            Assert.That(await view.Page.Locator("svg.timeline .free-curve").CountAsync(), Is.EqualTo(1));
            Assert.That(await view.Page.Locator("table.steps tr").CountAsync(), Is.EqualTo(4));
        });
        await view.ExpectDrawingsVisible();
    }

    [TestCase(ReportLanguage.English)]
    [TestCase(ReportLanguage.SimplifiedChinese)]
    public async Task The_page_tables_and_lru_lists_asked_for_are_drawn(string language)
    {
        const string swap = "07-anonymous-pages-go-to-swap";
        var film = ScenarioFilm.Record(swap, true, BuiltInScenarios.Load(swap), new MemKata.Scenarios.Views.ViewRecorder(pageTables: true, lru: true, onlyStep: 4));
        var html = HtmlReports.Scenario(film, ReportLanguage.Load(language));

        await using var view = await Open(html, $"07-views-{language}");

        var mappings = film.Views.Single().PageTables!.Sum(p => p.Mappings.Count);
        Assert.Multiple(async () =>
        {
            Assert.That(await view.Page.Locator("h4.view-step").CountAsync(), Is.EqualTo(1));
            Assert.That(await view.Page.Locator("svg.page-tables rect.pt-none").CountAsync(), Is.EqualTo(mappings + 1), "a bar per mapping and the legend's");
            Assert.That(await view.Page.Locator("svg.lru-lists rect.pt-none").CountAsync(), Is.EqualTo(5), "four lists and the free frames");
        });
        await view.ExpectDrawingsVisible();
    }

    [TestCase(ReportLanguage.English)]
    [TestCase(ReportLanguage.SimplifiedChinese)]
    public async Task The_tour_has_every_stop_and_the_8_gib_table(string language)
    {
        var rows = Tour.Value.Where(f => f.Name.StartsWith(EightGibRow.Prefix, StringComparison.Ordinal))
            .Select(f => EightGibRow.From(f.Name, f.Result, touchIfOnlyAllocated: false)).ToList();
        var html = HtmlReports.Tour(Tour.Value, rows, ReportLanguage.Load(language));

        await using var view = await Open(html, $"tour-{language}");

        Assert.Multiple(async () =>
        {
            Assert.That(await view.Page.Locator("main > section").CountAsync(), Is.EqualTo(BuiltInScenarios.Names.Count + 2), "introduction, stops, table");
            Assert.That(await view.Page.Locator("svg.timeline").CountAsync(), Is.EqualTo(BuiltInScenarios.Names.Count));
            Assert.That(await view.Page.Locator("svg.arch-scale").CountAsync(), Is.EqualTo(1));
            Assert.That(await view.Page.Locator("table.eight tr").CountAsync(), Is.EqualTo(rows.Count + 1));
            Assert.That(await view.Page.Locator("table.oom tr.victim").CountAsync(), Is.EqualTo(4), "scenarios 08, 09, 14 (the tie) and the 8 GiB run with overcommit 1");
        });
        await view.Page.Locator("svg.arch-scale").ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"arch-scale-{language}.png") });
        foreach (var stop in new[] { "stop-06-dirty-file-pages-are-written-back", "stop-08-oom-killer-picks-the-biggest", "malloc-8-gib" })
        {
            await view.Page.Locator($"section#{stop}").ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"tour-{stop}-{language}.png") });
        }

        await view.ExpectDrawingsVisible();
    }

    [Test]
    public async Task A_replay_draws_the_heap_operation_by_operation()
    {
        await using var view = await Open(Reports.Replay(ReportLanguage.SimplifiedChinese), "replay-zh-CN");

        Assert.That(await view.Page.Locator("svg.heap-strips g.strip").CountAsync(), Is.EqualTo(8));
        await view.ExpectDrawingsVisible();
    }

    /// <summary>
    /// <c>scenario compare</c>'s page: the reference's real transcript of the OOM scenario beside a learner's that chose
    /// another victim (one line changed, one only the learner's, from the kill on), so the page has a verdict, the
    /// overview strip, the side-by-side table with the first difference marked, and the reference run's drawings.
    /// </summary>
    [TestCase(ReportLanguage.English)]
    [TestCase(ReportLanguage.SimplifiedChinese)]
    public async Task The_compare_page_marks_the_first_difference_beside_the_reference_run(string language)
    {
        var film = ScenarioFilm.BuiltIn(Reports.Oom);
        var lines = Transcript.Of(film.Result, "").Select(l => l.Display).ToList();
        var kill = lines.FindIndex(l => l.Contains("OomKill:", StringComparison.Ordinal));
        var rows = lines.Select((l, i) => i == kill
            ? new ComparedLine(ComparedLineKind.Changed, l, l.Replace("Killed process 1 (database)", "Killed process 3 (worker)", StringComparison.Ordinal))
            : new ComparedLine(ComparedLineKind.Same, l, l)).ToList();
        rows.Insert(kill + 1, new ComparedLine(ComparedLineKind.OnlyYours, null, "  #99 pid 3 ProcessExit: killed"));
        var html = HtmlReports.Compare(new ComparedRun("08-oom-killer-picks-the-biggest", "ReclaimPolicy", "a note", rows, null, film), ReportLanguage.Load(language));

        var trailing = lines.Count - kill - 1;
        var folds = (kill > 7 ? 1 : 0) + (trailing > 7 ? 1 : 0);
        var sameShown = Math.Min(kill, 6 + (kill > 7 ? 0 : 1)) + Math.Min(trailing, 6 + (trailing > 7 ? 0 : 1));

        await using var view = await Open(html, $"compare-{language}");

        Assert.Multiple(async () =>
        {
            Assert.That(await view.Page.Locator("p.verdict.bad").CountAsync(), Is.EqualTo(1));
            Assert.That(await view.Page.Locator("svg.compare-overview rect").CountAsync(), Is.EqualTo(4), "same, changed, only yours, same");
            Assert.That(await view.Page.Locator("svg.compare-overview line.cmp-first").CountAsync(), Is.EqualTo(1));
            Assert.That(await view.Page.Locator("table.compare tr.fold").CountAsync(), Is.EqualTo(folds), "long runs of equal rows folded");
            Assert.That(await view.Page.Locator("table.compare tr.same").CountAsync(), Is.EqualTo(sameShown), "three rows kept either side of a fold");
            Assert.That(await view.Page.Locator("table.compare tr.changed").CountAsync(), Is.EqualTo(1));
            Assert.That(await view.Page.Locator("table.compare tr.onlyyours").CountAsync(), Is.EqualTo(1));
            Assert.That(await view.Page.Locator("#first-difference").CountAsync(), Is.EqualTo(1));
            Assert.That(await view.Page.Locator("a[href='#first-difference']").CountAsync(), Is.EqualTo(1));
            Assert.That(await view.Page.Locator("svg.timeline").CountAsync(), Is.EqualTo(1), "the reference run's drawings");
            Assert.That(await view.Page.Locator("svg.ram-frames g.ram-step.peak").CountAsync(), Is.EqualTo(1), "RAM just before the OOM kill");
            Assert.That(await view.Page.Locator("table.oom tr.victim").CountAsync(), Is.EqualTo(1));
        });
        await view.Page.Locator("#first-difference").ScrollIntoViewIfNeededAsync();
        Assert.That(await view.Page.Locator("#first-difference").IsVisibleAsync(), Is.True);
        await view.ExpectDrawingsVisible();
    }

    /// <summary><c>grade</c>'s page: the score and a bar per task, full, partial, none and an optional task.</summary>
    [TestCase(ReportLanguage.English)]
    [TestCase(ReportLanguage.SimplifiedChinese)]
    public async Task The_grade_page_has_a_bar_per_task(string language)
    {
        TaskBar[] tasks =
        [
            new(1, "Headers and alignment", 10, 10, 12, 12, false), new(2, "Free lists", 7.5, 15, 6, 12, false),
            new(3, "Coalescing", 0, 15, 0, 9, false), new(7, "Be glibc", 0, 0, 0, 1, true),
        ];
        var grade = new GradeSummary("allocator", "alice", "Graded", 17.5, 40, tasks, ["Sandbox: bubblewrap (every layer active)"]);

        await using var view = await Open(HtmlReports.Grade(grade, ReportLanguage.Load(language)), $"grade-{language}");

        Assert.Multiple(async () =>
        {
            Assert.That(await view.Page.Locator("p.verdict").CountAsync(), Is.EqualTo(1));
            Assert.That(await view.Page.Locator("svg g.task").CountAsync(), Is.EqualTo(4));
            Assert.That(await view.Page.Locator("svg .bar-max").CountAsync(), Is.EqualTo(4));
            Assert.That(await view.Page.Locator("svg .bar-full").CountAsync(), Is.EqualTo(1));
            Assert.That(await view.Page.Locator("svg .bar-part").CountAsync(), Is.EqualTo(1));
            Assert.That(await view.Page.Locator("svg .bar-none").CountAsync(), Is.EqualTo(1), "task 3 only: the optional task worth nothing is no failure");
            Assert.That(await view.Page.Locator("svg .bar-optional").CountAsync(), Is.EqualTo(1));
            Assert.That(await view.Page.Locator("p.note").CountAsync(), Is.EqualTo(1));
        });
        await view.ExpectDrawingsVisible();
    }

    /// <summary>Class mode's summary page: the score histogram and a bar per task across the class.</summary>
    [Test]
    public async Task The_class_summary_page_charts_the_scores_and_the_tasks()
    {
        await using var view = await Open(HtmlReports.Class(Reports.Class, ReportLanguage.Load(ReportLanguage.SimplifiedChinese)), "class-zh-CN");

        Assert.Multiple(async () =>
        {
            Assert.That(await view.Page.Locator("svg.class-scores g.band").CountAsync(), Is.EqualTo(10));
            Assert.That(await view.Page.Locator("svg.class-scores .band-bar").CountAsync(), Is.EqualTo(3));
            Assert.That(await view.Page.Locator("svg.class-tasks g.task-spread").CountAsync(), Is.EqualTo(2));
        });
        await view.ExpectDrawingsVisible();
    }

    /// <summary>
    /// The one timed check the issue asks for: the 8 GiB-on-4 GiB run (a million page faults, kswapd giving up, the OOM
    /// kill) is at most 5 MB and the browser has it laid out and painted within 2 s of starting to load it, as the page
    /// itself measures (performance.now() in the first animation frame after load). It takes about 0.1 s here; the
    /// bound is generous so that a loaded CI machine does not fail it, and a page that stopped aggregating (hundreds of
    /// thousands of shapes) would still miss it by far.
    /// </summary>
    [Test]
    public async Task The_8_gib_report_is_light_and_renders_within_2_seconds()
    {
        var html = Reports.Scenario(Reports.EightGib);
        var bytes = Encoding.UTF8.GetByteCount(html);

        await using var view = await Open(html, "8-gib");
        var painted = await view.Page.EvaluateAsync<double>("() => new Promise(r => requestAnimationFrame(() => r(performance.now())))");

        TestContext.Out.WriteLine($"8 GiB report: {bytes} bytes, painted {painted:0} ms after navigation started");
        Assert.Multiple(() =>
        {
            Assert.That(bytes, Is.LessThanOrEqualTo(5_000_000));
            Assert.That(painted, Is.LessThanOrEqualTo(2000));
        });
    }

    private async Task<View> Open(string html, string name)
    {
        var file = Path.Combine(Screenshots, name + ".html");
        await File.WriteAllTextAsync(file, html, new UTF8Encoding(false));
        var url = new Uri(file).AbsoluteUri;
        var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1300, Height = 900 } });
        var page = await context.NewPageAsync();
        var view = new View(context, page, name);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                view.Errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => view.Errors.Add(error);
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url == url || route.Request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }

            view.Requests.Add(route.Request.Url);
            await route.AbortAsync();
        });
        page.Request += (_, request) =>
        {
            if (request.Url != url && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                view.Requests.Add(request.Url);
            }
        };
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load });
        return view;
    }

    private sealed class View(IBrowserContext context, IPage page, string name) : IAsyncDisposable
    {
        public IPage Page { get; } = page;

        public List<string> Errors { get; } = [];

        public List<string> Requests { get; } = [];

        // Every drawing has a size on screen, the page asked for nothing and logged no error; then the screenshot.
        public async Task ExpectDrawingsVisible()
        {
            foreach (var svg in await Page.Locator("svg").AllAsync())
            {
                var box = await svg.BoundingBoxAsync();
                Assert.That(box is { Width: > 300, Height: > 40 }, Is.True, $"{await svg.GetAttributeAsync("class")} is drawn ({box?.Width} x {box?.Height})");
            }

            var shot = Path.Combine(Screenshots, name + ".png");
            await Page.ScreenshotAsync(new() { Path = shot, FullPage = true });
            TestContext.AddTestAttachment(shot);
            Assert.Multiple(() =>
            {
                Assert.That(Errors, Is.Empty, "console errors");
                Assert.That(Requests, Is.Empty, "requests the page made");
            });
        }

        public async ValueTask DisposeAsync() => await context.CloseAsync();
    }
}
