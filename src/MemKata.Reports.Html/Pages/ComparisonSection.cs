using System.Text;
using MemKata.Reports.Html.Markup;
using MemKata.Reports.Html.Recording;
using MemKata.Reports.Html.Text;

namespace MemKata.Reports.Html.Pages;

/// <summary>
/// A learner's run beside the reference's: the verdict, an overview strip with one mark per transcript row (where the
/// runs differ, at a glance), the two transcripts side by side with the first difference marked and linked, and the
/// reference run's drawings to compare against.
/// </summary>
internal static class ComparisonSection
{
    /// <summary>Rows shown in the table at most; the overview strip shows them all.</summary>
    public const int MaxRows = 3000;

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
            for (var i = 0; i < Math.Min(run.Rows.Count, MaxRows); i++)
            {
                var row = run.Rows[i];
                html.Append("<tr class=\"").Append(CssOf(row.Kind)).Append('"').Append(i == first ? " id=\"first-difference\"" : "")
                    .Append("><td class=\"num\">").Append(i + 1).Append("</td><td class=\"mono\">").Append(HtmlText.Escape(row.Reference ?? ""))
                    .Append("</td><td class=\"mono\">").Append(HtmlText.Escape(row.Yours ?? "")).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
            if (run.Rows.Count > MaxRows)
            {
                html.Append("<p class=\"note\">").Append(HtmlText.Escape(t.Format("cmp.more", run.Rows.Count - MaxRows))).Append("</p>\n");
            }
        }

        html.Append("<h3>").Append(HtmlText.Escape(t["cmp.referenceRun"])).Append("</h3>\n").Append(ScenarioSection.Body(run.Reference, t));
        return html.ToString();
    }

    private static string Overview(ComparedRun run, ReportLanguage t)
    {
        const double width = 1100;
        var svg = new Svg("compare-overview", width, 40, t["cmp.overview"]);
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
