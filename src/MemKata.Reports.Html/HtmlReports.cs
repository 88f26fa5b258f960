using System.Text;
using MemKata.Engine.Units;
using MemKata.Reports.Html.Drawings;
using MemKata.Reports.Html.Markup;
using MemKata.Reports.Html.Pages;
using MemKata.Reports.Html.Recording;
using MemKata.Reports.Html.Text;
using MemKata.Scenarios.Summaries;

namespace MemKata.Reports.Html;

/// <summary>
/// The illustrated reports, each one self-contained HTML page (inline SVG and CSS, no script, nothing loaded from
/// anywhere), the same bytes for the same input: a scenario run, the tour (every built-in scenario and the malloc(8 GiB)
/// table), a trace replay. The CLI records the run (<see cref="ScenarioFilm"/>, <see cref="ReplayFilm"/>), asks for the
/// page here and writes it with <see cref="HtmlFile.Write"/>.
/// </summary>
public static class HtmlReports
{
    /// <summary>The report of one scenario run.</summary>
    public static string Scenario(ScenarioFilm film, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(film);
        ArgumentNullException.ThrowIfNull(language);
        var document = new Document(language, ScenarioSection.Title(film, language));
        document.Section("stop-" + HtmlText.Id(film.Name), ScenarioSection.Title(film, language), ScenarioSection.Body(film, language));
        return document.Render();
    }

    /// <summary>The tour: an introduction, every stop in order, then the malloc(8 GiB) table with the address-space
    /// scale drawing.</summary>
    public static string Tour(IReadOnlyList<ScenarioFilm> stops, IReadOnlyList<EightGibRow> eightGib, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(stops);
        ArgumentNullException.ThrowIfNull(eightGib);
        ArgumentNullException.ThrowIfNull(language);
        var t = language;
        var document = new Document(t, t["tour.title"]);
        document.Section("intro", t["tour.introTitle"], "<p class=\"explain\">" + HtmlText.Escape(t["tour.intro"]) + "</p>\n");
        for (var i = 0; i < stops.Count; i++)
        {
            var title = $"{i + 1}. {ScenarioSection.Title(stops[i], t)}";
            document.Section("stop-" + HtmlText.Id(stops[i].Name), title, ScenarioSection.Body(stops[i], t));
        }

        if (eightGib.Count > 0)
        {
            document.Section("malloc-8-gib", t["eight.title"], EightGib(eightGib, t));
        }

        return document.Render();
    }

    /// <summary>A learner's run of a scenario beside the reference's (<c>scenario compare</c>): the verdict, where the
    /// runs differ, the two transcripts side by side with the first difference marked, and the reference's drawings.</summary>
    public static string Compare(ComparedRun run, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(language);
        var title = language.Format("cmp.title", run.Component, run.ScenarioLabel);
        var document = new Document(language, title);
        document.Section("compare", title, ComparisonSection.Body(run, language));
        return document.Render();
    }

    /// <summary>A graded submission: the score, a bar per task with its tests passed, and the notes.</summary>
    public static string Grade(GradeSummary grade, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(grade);
        ArgumentNullException.ThrowIfNull(language);
        var t = language;
        var title = t.Format("grade.title", grade.Exercise, grade.Submission);
        var html = new StringBuilder();
        html.Append("<p class=\"verdict ").Append(grade.Score >= grade.MaxScore ? "ok" : "bad").Append("\">")
            .Append(HtmlText.Escape(t.Format("grade.score", grade.Score.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
                grade.MaxScore.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), OutcomeText(grade.Outcome, t)))).Append("</p>\n");
        if (grade.Tasks.Count > 0)
        {
            ScenarioSection.Figure(html, t["grade.chart"], TaskScoresDrawing.Render(grade.Tasks, t), t["grade.caption"]);
        }

        foreach (var note in grade.Notes)
        {
            html.Append("<p class=\"note mono\">").Append(HtmlText.Escape(note)).Append("</p>\n");
        }

        var document = new Document(t, title);
        document.Section("grade", title, html.ToString());
        return document.Render();
    }

    /// <summary>A class at a glance (class mode's summary, beside its text): the outcomes and the score's mean, median,
    /// lowest and highest, the scores as a histogram with the mean and median marked, and how the class did on each
    /// task.</summary>
    public static string Class(ClassChart chart, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(language);
        var t = language;
        var title = t.Format("class.title", chart.Exercise);
        var html = new StringBuilder();
        var outcomes = string.Join(t["class.separator"], chart.Outcomes.Select(o => t.Format("class.outcome", o.Count, OutcomeText(o.Outcome, t)))
            .Concat(chart.NoSubmission > 0 ? [t.Format("class.noSubmission", chart.NoSubmission)] : []));
        html.Append("<p class=\"machine\">").Append(HtmlText.Escape(t.Format("class.learners", chart.Scores.Count, outcomes))).Append("</p>\n");
        if (chart.Scores.Count > 0)
        {
            html.Append("<p class=\"verdict ok\">").Append(HtmlText.Escape(t.Format("class.score", ScoreBandsDrawing.Points(chart.MaxScore),
                ScoreBandsDrawing.Points(chart.Mean), ScoreBandsDrawing.Points(chart.Median), ScoreBandsDrawing.Points(chart.Scores.Min()),
                ScoreBandsDrawing.Points(chart.Scores.Max())))).Append("</p>\n");
            ScenarioSection.Figure(html, t["class.bands"], ScoreBandsDrawing.Render(chart, t), t["class.bandsCaption"]);
        }

        if (chart.Tasks.Count > 0)
        {
            ScenarioSection.Figure(html, t["class.tasks"], TaskSpreadDrawing.Render(chart.Tasks, t), t["class.tasksCaption"]);
        }

        var document = new Document(t, title);
        document.Section("class", title, html.ToString());
        return document.Render();
    }

    /// <summary>The report of a trace replay: the heap after each operation drawn (see <see cref="ReplayFilm"/>), the
    /// summary, and the process's address space at the end. With <paramref name="learner"/> (<c>replay --exercise</c>),
    /// the allocator is the learner's: the page opens with the heap rules' verdict and the learner's numbers beside the
    /// reference's.</summary>
    public static string Replay(ReplayFilm film, ReportLanguage language, LearnerReplayFacts? learner = null)
    {
        ArgumentNullException.ThrowIfNull(film);
        ArgumentNullException.ThrowIfNull(language);
        var t = language;
        var title = learner is null ? t.Format("replay.title", film.Source) : t.Format("learner.title", learner.Component, film.Source);
        var document = new Document(t, title);
        var html = new StringBuilder(learner is null ? "" : LearnerReplaySection.Body(learner, t));
        var s = film.Summary;
        html.Append(Tables.Facts(
        [
            ("Operations", t.Format("replay.operations", s.OperationsRun, s.TotalOperations, s.Mallocs, s.Reallocs, s.Frees)),
            ("Peak heap", ByteSizeFormat.Scaled(s.PeakHeapBytes)),
            ("Peak mmapped", ByteSizeFormat.Scaled(s.PeakMmappedBytes)),
            ("Final break", HexFormat.Address(s.FinalBreak)),
            ("System calls", string.Join(", ", s.Syscalls.Select(c => $"{c.Kind.ToString().ToLowerInvariant()} {c.Calls}"))),
        ], t));
        if (film.Crash is { } crash)
        {
            html.Append("<p class=\"note\">").Append(HtmlText.Escape(t.Format("replay.crash", crash.SignalName, crash.Index, crash.Message))).Append("</p>\n");
        }

        if (film.Frames.Count < s.OperationsRun)
        {
            html.Append("<p class=\"note\">").Append(HtmlText.Escape(t.Format("replay.sampled", film.Frames.Count, s.OperationsRun))).Append("</p>\n");
        }

        var strips = film.Frames.Select(f => new HeapStrip($"#{f.Step.Index} {f.Step.Operation}", f.Heap, f.Step.Break, HeapNotes.Of(f.Step, film.InitialBreak, t))).ToList();
        if (strips.Any(x => x.Boxes.Count > 0))
        {
            ScenarioSection.Figure(html, t["heap.title"], HeapStripsDrawing.Render(strips, t), t["heap.caption"]);
        }

        document.Section("replay", title, html.ToString());
        return document.Render();
    }

    // The grading pipeline's outcomes (GradeOutcome's names) are translated; anything else is shown as it is.
    private static string OutcomeText(string outcome, ReportLanguage t) =>
        t.Keys.Contains("grade.outcome." + outcome, StringComparer.Ordinal) ? t["grade.outcome." + outcome] : outcome;

    private static string EightGib(IReadOnlyList<EightGibRow> rows, ReportLanguage t)
    {
        var html = new StringBuilder("<p class=\"explain\">").Append(HtmlText.Escape(t["eight.intro"])).Append("</p>\n");
        ScenarioSection.Figure(html, t["arch.title"], ArchitectureScaleDrawing.Render(8UL << 30, rows[0].Config.RamBytes, t), t["arch.caption"]);
        html.Append("<table class=\"eight\">\n<tr>");
        foreach (var key in new[] { "eight.arch", "eight.overcommit", "eight.swap", "eight.rule", "eight.malloc", "eight.touched", "eight.after" })
        {
            html.Append("<th>").Append(HtmlText.Escape(t[key])).Append("</th>");
        }

        html.Append("</tr>\n");
        foreach (var r in rows)
        {
            html.Append(r.Killed ? "<tr class=\"death\">" : "<tr>").Append("<td>").Append(HtmlText.Escape(r.Config.Architecture.Name))
                .Append("</td><td class=\"num\">").Append((int)r.Config.Overcommit).Append("</td><td class=\"num\">")
                .Append(HtmlText.Escape(SizeText.Bytes(r.Config.SwapBytes))).Append("</td><td>").Append(HtmlText.Escape(t.Say(r.Says.Limit)))
                .Append("</td><td>").Append(HtmlText.Escape(t.Say(r.Says.Allocated))).Append("</td><td>").Append(HtmlText.Escape(t.Say(r.Says.Touched)))
                .Append("</td><td>").Append(HtmlText.Escape(t.Say(r.Says.AfterTouch))).Append("</td></tr>\n");
        }

        return html.Append("</table>\n<p class=\"note\">").Append(HtmlText.Escape(t["eight.outro"])).Append("</p>\n").ToString();
    }
}
