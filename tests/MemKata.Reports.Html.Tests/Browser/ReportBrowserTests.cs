using System.Text;
using MemKata.Reports.Html.Recording;
using MemKata.Reports.Html.Text;
using MemKata.Scenarios;
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
