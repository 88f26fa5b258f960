using System.Text.RegularExpressions;
using MemKata.Engine.Performance;
using MemKata.Reports.Html.Recording;
using MemKata.Reports.Html.Text;

namespace MemKata.Reports.Html.Tests;

public class HtmlReportsTests
{
    private static readonly string[] Codes = [.. ReportLanguage.Codes];

    [TestCaseSource(nameof(Codes))]
    public void A_scenario_report_is_the_same_bytes_on_every_run(string language)
    {
        var first = Reports.Scenario(Reports.Oom, language);
        var second = Reports.Scenario(Reports.Oom, language);

        Assert.That(second, Is.EqualTo(first));
    }

    [TestCaseSource(nameof(Codes))]
    public void A_page_loads_nothing_and_runs_nothing(string language)
    {
        var html = Reports.Scenario(Reports.Reclaim, language);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("<script"));
            Assert.That(html, Does.Not.Match("(src|href)=\"(?!#)"), "only links inside the page");
            Assert.That(html, Does.Not.Contain("url("));
            Assert.That(html, Does.Contain("default-src 'none'"));
            Assert.That(html, Does.StartWith($"<!DOCTYPE html>\n<html lang=\"{language}\">"));
        });
    }

    [Test]
    public void The_reclaim_scenario_draws_each_step()
    {
        var html = Reports.Scenario(Reports.Reclaim);

        Assert.Multiple(() =>
        {
            // Three steps: RAM before the first and after each; the heap after the two steps of its process.
            Assert.That(Count(html, "<g class=\"ram-step\">"), Is.EqualTo(4), "no OOM kill: no picture inside a step");
            Assert.That(Count(html, "<g class=\"strip\">"), Is.EqualTo(2));
            Assert.That(html, Does.Contain("brk +132 KiB: the heap&#39;s first growth"));
            Assert.That(html, Does.Contain("mmap 96.0 MiB"));
            Assert.That(Count(html, "class=\"tl-awake\""), Is.GreaterThan(0), "kswapd was awake");
            Assert.That(Count(html, "class=\"tl-direct\""), Is.GreaterThan(0), "direct reclaim ran");
            Assert.That(Count(html, "class=\"free-curve\""), Is.EqualTo(1));
        });
    }

    [Test]
    public void The_oom_scenario_shows_the_badness_table_with_the_victim_marked()
    {
        var html = Reports.Scenario(Reports.Oom);

        Assert.Multiple(() =>
        {
            Assert.That(Count(html, "<table class=\"oom\">"), Is.EqualTo(1));
            Assert.That(Count(html, "<tr class=\"victim\">"), Is.EqualTo(1));
            Assert.That(Count(html, "class=\"tl-oom\""), Is.EqualTo(1));
            Assert.That(Count(html, "<svg class=\"address-space\""), Is.EqualTo(3), "one per process: database, cache, worker");
        });
    }

    [Test]
    public void The_oom_step_shows_ram_just_before_the_kill_and_says_so()
    {
        var film = ScenarioFilm.BuiltIn(Reports.Oom);
        var html = HtmlReports.Scenario(film, ReportLanguage.Load(ReportLanguage.English));

        var peak = film.Peaks.Single();
        var after = film.Snapshots[peak.AfterStep];
        Assert.Multiple(() =>
        {
            Assert.That(peak.Moment, Is.EqualTo(SnapshotMoment.BeforeOomKill));
            Assert.That(peak.FreePages, Is.LessThanOrEqualTo(film.Result.Machine.Watermarks.Min), "memory was fullest");
            Assert.That(peak.Ram.Count(FrameKind.Anonymous), Is.GreaterThan(after.Ram.Count(FrameKind.Anonymous)), "the kill freed the victim's pages");
            Assert.That(peak.Processes.Count(p => p.IsAlive), Is.EqualTo(after.Processes.Count(p => p.IsAlive) + 1), "the victim is still alive");
            Assert.That(Count(html, "<g class=\"ram-step peak\">"), Is.EqualTo(1));
            Assert.That(Count(html, "<g class=\"ram-step"), Is.EqualTo(film.Snapshots.Count + 1));
            Assert.That(html, Does.Contain(">just before the OOM kill</text>"));
        });
    }

    [Test]
    public void The_free_memory_curve_reads_every_kept_event()
    {
        var html = Reports.Scenario(Reports.Reclaim);
        var film = ScenarioFilm.BuiltIn(Reports.Reclaim);
        var readings = film.Snapshots.Count + film.Result.Machine.Events.Events.Count;

        Assert.That(html, Does.Contain($">{readings} readings of free memory:"));
    }

    [Test]
    public void A_replay_draws_the_first_growth_the_mapping_and_the_trim()
    {
        var html = Reports.Replay();

        Assert.Multiple(() =>
        {
            Assert.That(Count(html, "<g class=\"strip\">"), Is.EqualTo(8), "one strip per operation of a short trace");
            Assert.That(html, Does.Contain("brk +132 KiB: the heap&#39;s first growth"));
            Assert.That(html, Does.Contain("mmap 196 KiB"));
            Assert.That(html, Does.Contain("munmap 196 KiB"));
            Assert.That(html, Does.Contain("trimmed, given back to the kernel"));
            Assert.That(html, Does.Contain("<title>in use chunk at 0x555555559290: size 0x20 (32 B), flags PREV_INUSE; user pointer 0x5555555592a0</title>"));
        });
    }

    [Test]
    public void A_learner_replay_opens_with_the_rules_and_the_numbers_beside_the_reference_then_draws_the_heap()
    {
        var measured = new TraceMeasurement("small.rep", 200124, 335872, new WorkCounts(120, 0, 3, 40), null);

        var html = Reports.LearnerReplay(measured, measured);
        var alone = Reports.LearnerReplay(measured, null);
        var chinese = Reports.LearnerReplay(measured, measured, ReportLanguage.SimplifiedChinese);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<h1>Your Allocator on small.rep</h1>"));
            Assert.That(html, Does.Contain("<p class=\"verdict ok\">Heap rules kept on all 8 operations"));
            Assert.That(html, Does.Contain("<tr><td>peak payload (bytes)</td><td class=\"num\">200124</td><td class=\"num\">200124</td></tr>"));
            Assert.That(html, Does.Contain("Reference: measured when this starter was published (traces/reference.tsv)."));
            Assert.That(html, Does.Contain("Score on this trace: 100.0 of 100"));
            Assert.That(Count(html, "<g class=\"strip\">"), Is.EqualTo(8), "the heap read from its size words, one strip per operation");
            Assert.That(html, Does.Match("<title>mmapped chunk[^<]* at 0x"), "a chunk of its own mapping, told by IS_MMAPPED");
            Assert.That(alone, Does.Contain("Score on this trace: not computed: no reference here."));
            Assert.That(chinese, Does.Contain("你的 Allocator 运行 small.rep").And.Contain("参考解"));
        });
    }

    [Test]
    public void A_chinese_report_says_the_step_results_and_key_numbers_in_chinese()
    {
        var english = Reports.Scenario(Reports.Oom);
        var chinese = Reports.Scenario(Reports.Oom, ReportLanguage.SimplifiedChinese);

        Assert.Multiple(() =>
        {
            Assert.That(english, Does.Contain(" pages written</td>").And.Contain("minor (no I/O)").And.Contain("when chosen"));
            Assert.That(chinese, Does.Contain("页</td>").And.Contain("次缺页").And.Contain("被选中时"));
            Assert.That(chinese, Does.Not.Contain("pages written").And.Not.Contain("minor (no I/O)").And.Not.Contain("when chosen"));
        });
    }

    [Test]
    public void A_replay_in_chinese_is_chinese()
    {
        var html = Reports.Replay(ReportLanguage.SimplifiedChinese);

        Assert.That(html, Does.Contain("堆第一次增长"));
    }

    [Test]
    public void A_comparison_marks_and_links_the_first_difference()
    {
        ComparedLine[] rows =
        [
            new(ComparedLineKind.Same, "step 1: p = malloc(1 B)", "step 1: p = malloc(1 B)"),
            new(ComparedLineKind.Changed, "  #7 pid 1 OomKill: killed pid 1", "  #7 pid 1 OomKill: killed pid 2"),
            new(ComparedLineKind.OnlyYours, null, "  #8 pid 2 ProcessExit: killed"),
        ];
        var run = new ComparedRun("08 (the OOM killer)", "ReclaimPolicy", null, rows, null, ScenarioFilm.BuiltIn(Reports.Oom));

        var html = HtmlReports.Compare(run, ReportLanguage.Load(ReportLanguage.English));

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("The runs differ: first at row 2 (2 rows differ in all)."));
            Assert.That(html, Does.Contain("<tr class=\"changed\" id=\"first-difference\">"));
            Assert.That(html, Does.Contain("<a href=\"#first-difference\">"));
            Assert.That(Count(html, "<rect "), Is.GreaterThan(0));
            Assert.That(Count(html, "class=\"cmp-"), Is.EqualTo(4), "one mark per run of rows of a kind, and the line at the first difference");
        });
    }

    [TestCaseSource(nameof(Codes))]
    public void A_grade_draws_a_bar_per_task(string language)
    {
        TaskBar[] tasks = [new(1, "Scan", 20, 20, 10, 10, false), new(2, "Victim", 5, 20, 3, 13, false), new(3, "Extra", 0, 5, 0, 2, true)];
        var grade = new GradeSummary("reclaim-policy", "alice", "Graded", 25, 40, tasks, ["a note"]);

        var html = HtmlReports.Grade(grade, ReportLanguage.Load(language));

        Assert.Multiple(() =>
        {
            Assert.That(Count(html, "<g class=\"task\">"), Is.EqualTo(3));
            Assert.That(Count(html, "class=\"bar-full\""), Is.EqualTo(1));
            Assert.That(Count(html, "class=\"bar-part\""), Is.EqualTo(1));
            Assert.That(Count(html, "class=\"bar-none\""), Is.EqualTo(1));
            Assert.That(html, Does.Contain("a note"));
        });
    }

    [TestCaseSource(nameof(Codes))]
    public void A_class_summary_draws_the_scores_and_a_bar_per_task(string language)
    {
        var html = HtmlReports.Class(Reports.Class, ReportLanguage.Load(language));

        Assert.Multiple(() =>
        {
            Assert.That(Count(html, "<g class=\"band\">"), Is.EqualTo(10));
            Assert.That(Count(html, "class=\"band-bar\""), Is.EqualTo(3), "three bands hold learners");
            Assert.That(Count(html, "class=\"class-mean\""), Is.EqualTo(1));
            Assert.That(Count(html, "class=\"class-median\""), Is.EqualTo(1));
            Assert.That(Count(html, "<g class=\"task-spread\">"), Is.EqualTo(2));
            Assert.That(Count(html, "class=\"bar-optional\""), Is.EqualTo(3), "the legend's and two tasks' learners who did not start");
        });
    }

    private static int Count(string html, string what) => Regex.Matches(html, Regex.Escape(what)).Count;
}
