using System.Text.RegularExpressions;
using MemKata.Reports.Html.Recording;
using MemKata.Reports.Html.Text;
using MemKata.Scenarios;
using MemKata.Scenarios.Views;

namespace MemKata.Reports.Html.Tests.Pages;

/// <summary>The views of <c>--show page-table|lru|both</c> drawn in the HTML reports: one shape per run of pages that the
/// engine's view holds, one bar per LRU list and the free frames, each run's and each step's own; in a comparison the
/// reference's and the learner's for every step. Expected counts come from the recorded views themselves.</summary>
public class MachineViewsSectionTests
{
    private const string Swap = "07-anonymous-pages-go-to-swap";
    private static readonly string[] RunClasses = ["f-anon1", "pt-zero", "f-clean", "f-swap"];

    [Test]
    public void A_run_with_show_both_draws_each_mapping_s_runs_and_the_lru_bars_of_the_step_asked_for()
    {
        var film = ScenarioFilm.Record(Swap, true, BuiltInScenarios.Load(Swap), new ViewRecorder(pageTables: true, lru: true, onlyStep: 3));

        var html = HtmlReports.Scenario(film, ReportLanguage.Load(ReportLanguage.English));

        var view = film.Views.Single();
        var tables = Drawing(html, "page-tables");
        var lru = Drawing(html, "lru-lists");
        var runs = view.PageTables!.Sum(p => p.Mappings.Sum(m => m.Runs.Count));
        Assert.Multiple(() =>
        {
            Assert.That(view.AfterStep, Is.EqualTo(3));
            Assert.That(Count(html, "<h4 class=\"view-step\">"), Is.EqualTo(1));
            Assert.That(Count(tables, "<g class=\"pt-process\">"), Is.EqualTo(view.PageTables!.Count));
            Assert.That(RunClasses.Sum(c => Count(tables, $"class=\"{c}\"")) - RunClasses.Length, Is.EqualTo(runs), "one shape per run, beside the legend");
            Assert.That(runs, Is.GreaterThan(0));
            foreach (var list in view.Lru!.Lists)
            {
                Assert.That(lru, Does.Contain($">{list.Count}</text>"), list.List.ToString());
            }

            Assert.That(lru, Does.Contain($">{view.Lru.FreeFrames}</text>"));
        });
    }

    [Test]
    public void A_comparison_draws_the_reference_s_views_then_the_learner_s_for_every_step()
    {
        var recorder = new ViewRecorder(pageTables: true, lru: false, onlyStep: null);
        var film = ScenarioFilm.Record(Swap, true, BuiltInScenarios.Load(Swap), recorder);
        var run = new ComparedRun("07", "ReclaimPolicy", null, [], null, film) { ReferenceViews = recorder.Views, YourViews = recorder.Views.Take(2).ToList() };

        var html = HtmlReports.Compare(run, ReportLanguage.Load(ReportLanguage.English));

        var theirs = "Page tables: the reference&#39;s run";
        var yours = "Page tables: your run, with your ReclaimPolicy";
        Assert.Multiple(() =>
        {
            Assert.That(Count(html, "<h4 class=\"view-step\">"), Is.EqualTo(recorder.Views.Count));
            Assert.That(Count(html, $"<figcaption>{theirs}</figcaption>"), Is.EqualTo(recorder.Views.Count));
            Assert.That(Count(html, $"<figcaption>{yours}</figcaption>"), Is.EqualTo(2));
            Assert.That(html.IndexOf(theirs, StringComparison.Ordinal), Is.LessThan(html.IndexOf(yours, StringComparison.Ordinal)));
            Assert.That(html, Does.Not.Contain("class=\"lru-lists\""), "only what was asked for");
        });
    }

    [Test]
    public void Show_all_adds_a_row_per_fault_run_and_per_reclaim_pass()
    {
        var recorder = ViewRequest.Parse(ViewRequest.All, 4).Recorder();
        var film = ScenarioFilm.Record(Swap, true, BuiltInScenarios.Load(Swap), recorder);

        var html = HtmlReports.Scenario(film, ReportLanguage.Load(ReportLanguage.English));

        var view = film.Views.Single();
        var faults = html[html.IndexOf("<table class=\"faults\">", StringComparison.Ordinal)..];
        var reclaims = html[html.IndexOf("<table class=\"faults reclaims\">", StringComparison.Ordinal)..];
        Assert.Multiple(() =>
        {
            Assert.That(view.Faults, Is.Not.Empty);
            Assert.That(view.Reclaims!.Passes, Is.Not.Empty);
            Assert.That(Count(faults[..faults.IndexOf("</table>", StringComparison.Ordinal)], "<tr>"), Is.EqualTo(1 + view.Faults!.Count));
            Assert.That(Count(reclaims[..reclaims.IndexOf("</table>", StringComparison.Ordinal)], "<tr>"),
                Is.EqualTo(1 + view.Reclaims.Passes.Count + (view.Reclaims.LeftOut > 0 ? 1 : 0)));
            Assert.That(html, Does.Contain("class=\"page-tables\"").And.Contain("class=\"lru-lists\""));
        });
    }

    [Test]
    public void A_report_without_views_has_no_views_section()
    {
        var html = HtmlReports.Scenario(ScenarioFilm.BuiltIn(Swap), ReportLanguage.Load(ReportLanguage.English));

        Assert.That(html, Does.Not.Contain("view-step").And.Not.Contain("class=\"page-tables\""));
    }

    // The first drawing of the class, from <svg to </svg>.
    private static string Drawing(string html, string cssClass)
    {
        var start = html.IndexOf($"<svg class=\"{cssClass}\"", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), cssClass);
        return html[start..(html.IndexOf("</svg>", start, StringComparison.Ordinal) + 6)];
    }

    private static int Count(string text, string what) => Regex.Matches(text, Regex.Escape(what)).Count;
}
