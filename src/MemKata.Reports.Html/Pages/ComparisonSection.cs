using System.Text;
using MemKata.Reports.Html.Markup;
using MemKata.Reports.Html.Recording;
using MemKata.Reports.Html.Text;

namespace MemKata.Reports.Html.Pages;

/// <summary>
/// A learner's run beside the reference's: the verdict, an overview strip with one mark per transcript row (where the
/// runs differ, at a glance), the two transcripts side by side with the first difference marked and linked (a long run of
/// rows that are the same folded into one row, as a diff does, keeping <see cref="Context"/> rows either side), and the
/// reference run's drawings to compare against.
/// </summary>
internal static class ComparisonSection
{
    /// <summary>Rows shown in the table at most; the overview strip shows them all.</summary>
    public const int MaxRows = 3000;

    /// <summary>Rows that are the same kept on each side of a difference (and at the start and end).</summary>
    public const int Context = 3;

    /// <summary>The section's body (HTML).</summary>
    public static string Body(ComparedRun run, ReportLanguage t)
    {
        ArgumentNullException.ThrowIfNull(run);
        var html = new StringBuilder();
        var first = run.FirstDifference;
        var verdict = run.Stop is { } stop ? t.Format("cmp.stopped", stop)
            : first < 0 && run.Rows.Count > 0 ? t["cmp.identical"]
            : t.Format("cmp.differs", first + 1, run.Rows.Count(r => r.Kind != ComparedLineKind.Same));
        html.Append("<p class=\"verdict ").Append(first < 0 && run.Stop is null ? "ok" : "bad").Append("\">").Append(HtmlText.Escape(verdict));
        if (first >= 0)
        {
            html.Append(" <a href=\"#first-difference\">").Append(HtmlText.Escape(t["cmp.jump"])).Append("</a>");
        }

        html.Append("</p>\n");
        if (run.Note is { } note)
        {
            html.Append("<p class=\"note\">").Append(HtmlText.Escape(note)).Append("</p>\n");
        }

        if (run.Rows.Count > 0)
        {
            ScenarioSection.Figure(html, t["cmp.overview"], Overview(run, t), t["cmp.overviewCaption"]);
            html.Append("<h3>").Append(HtmlText.Escape(t["cmp.side"])).Append("</h3>\n<table class=\"compare\">\n<tr><th>#</th><th>")
                .Append(HtmlText.Escape(t["cmp.reference"])).Append("</th><th>").Append(HtmlText.Escape(t.Format("cmp.yours", run.Component))).Append("</th></tr>\n");
            var shown = Math.Min(run.Rows.Count, MaxRows);
            for (var i = 0; i < shown; i++)
            {
                var same = SameRunFrom(run.Rows, i, shown);
                if (same > (2 * Context) + 1)
                {
                    // Keep the run's first and last rows, fold the middle.
                    var folded = same - (2 * Context);
                    AppendRows(html, run, i, i + Context, first);
                    html.Append("<tr class=\"fold\"><td class=\"num\">…</td><td colspan=\"2\">")
                        .Append(HtmlText.Escape(t.Format("cmp.folded", folded, i + Context + 1, i + Context + folded))).Append("</td></tr>\n");
                    AppendRows(html, run, i + Context + folded, i + same, first);
                    i += same - 1;
                    continue;
                }

                AppendRows(html, run, i, i + 1, first);
            }

            html.Append("</table>\n");
            if (run.Rows.Count > MaxRows)
            {
                html.Append("<p class=\"note\">").Append(HtmlText.Escape(t.Format("cmp.more", run.Rows.Count - MaxRows))).Append("</p>\n");
            }
        }

        MachineViewsSection.Append(html, [(t["views.reference"], run.ReferenceViews), (t.Format("views.yours", run.Component), run.YourViews)],
            step => ScenarioSection.StepLabel(run.Reference, step, t), t);
        html.Append("<h3>").Append(HtmlText.Escape(t["cmp.referenceRun"])).Append("</h3>\n").Append(ScenarioSection.Body(run.Reference with { Views = [] }, t));
        return html.ToString();
    }

    private static void AppendRows(StringBuilder html, ComparedRun run, int from, int to, int first)
    {
        for (var i = from; i < to; i++)
        {
            var row = run.Rows[i];
            html.Append("<tr class=\"").Append(CssOf(row.Kind)).Append('"').Append(i == first ? " id=\"first-difference\"" : "")
                .Append("><td class=\"num\">").Append(i + 1).Append("</td><td class=\"mono\">").Append(HtmlText.Escape(row.Reference ?? ""))
                .Append("</td><td class=\"mono\">").Append(HtmlText.Escape(row.Yours ?? "")).Append("</td></tr>\n");
        }
    }

    // How many rows from <paramref name="start"/> on (before <paramref name="end"/>) are the same in both runs.
    private static int SameRunFrom(IReadOnlyList<ComparedLine> rows, int start, int end)
    {
        var i = start;
        while (i < end && rows[i].Kind == ComparedLineKind.Same)
        {
            i++;
        }

        return i - start;
    }

    private static string Overview(ComparedRun run, ReportLanguage t)
    {
        const double width = 1100;
        var svg = new Svg("compare-overview", width, 48, t["cmp.overview"]);
        var pitch = width / Math.Max(1, run.Rows.Count);
        var start = 0;
        for (var i = 1; i <= run.Rows.Count; i++)
        {
            if (i < run.Rows.Count && run.Rows[i].Kind == run.Rows[start].Kind)
            {
                continue;
            }

            svg.Rect(start * pitch, 6, Math.Max((i - start) * pitch, 1.5), 22, "cmp-" + CssOf(run.Rows[start].Kind),
                t.Format("cmp.rows", start + 1, i, t["cmp.kind." + CssOf(run.Rows[start].Kind)]));
            start = i;
        }

        // Row numbers under the strip: the first row, the first difference, the last row.
        svg.Text(0, 42, "1", "lbl small dim");
        svg.Text(width, 42, HtmlText.Number(run.Rows.Count), "lbl small dim", "end");
        if (run.FirstDifference is var first and >= 0)
        {
            var x = (first + 0.5) * pitch;
            svg.Line(x, 2, x, 32, "cmp-first");
            svg.Text(Math.Clamp(x, 40, width - 40), 42, t.Format("cmp.firstAt", first + 1), "lbl small warn", "middle");
        }

        return svg.Render();
    }

    private static string CssOf(ComparedLineKind kind) => kind switch
    {
        ComparedLineKind.Same => "same",
        ComparedLineKind.Changed => "changed",
        ComparedLineKind.OnlyReference => "onlyref",
        _ => "onlyyours",
    };
}
