using System.Text;
using MemKata.Reports.Html.Drawings;
using MemKata.Reports.Html.Markup;
using MemKata.Reports.Html.Text;
using MemKata.Scenarios.Views;

namespace MemKata.Reports.Html.Pages;

/// <summary>
/// The machine views <c>--show page-table|lru|both</c> asks for, drawn: after each step shown, each process's page
/// table (<see cref="PageTableDrawing"/>) and the LRU lists (<see cref="LruDrawing"/>). A scenario run has one side; a
/// comparison has two, the reference's run and the learner's, drawn one above the other for each step so that the
/// learner sees their own page tables and lists next to what they should be.
/// </summary>
internal static class MachineViewsSection
{
    /// <summary>Appends the views of every side in <paramref name="sides"/> (a name, and its views in step order) to
    /// <paramref name="html"/>, step by step; <paramref name="stepLabel"/> names a step (0: the processes started).
    /// Appends nothing when no side has a view.</summary>
    public static void Append(StringBuilder html, IReadOnlyList<(string Side, IReadOnlyList<MachineView> Views)> sides, Func<int, string> stepLabel, ReportLanguage t)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(sides);
        ArgumentNullException.ThrowIfNull(stepLabel);
        ArgumentNullException.ThrowIfNull(t);
        var steps = sides.SelectMany(s => s.Views.Select(v => v.AfterStep)).Distinct().Order().ToList();
        if (steps.Count == 0)
        {
            return;
        }

        html.Append("<h3>").Append(HtmlText.Escape(t["views.title"])).Append("</h3>\n<p class=\"explain\">")
            .Append(HtmlText.Escape(t["views.explain"])).Append("</p>\n");
        foreach (var step in steps)
        {
            html.Append("<h4 class=\"view-step\">").Append(HtmlText.Escape(t.Format("views.after", stepLabel(step)))).Append("</h4>\n");
            foreach (var (side, views) in sides)
            {
                if (views.FirstOrDefault(v => v.AfterStep == step) is not { } view)
                {
                    continue;
                }

                if (view.PageTables is { } tables)
                {
                    Figure(html, t.Format("views.pageTables", side), PageTableDrawing.Render(tables, t.Format("views.pageTables", side), t));
                }

                if (view.Lru is { } lru)
                {
                    Figure(html, t.Format("views.lru", side), LruDrawing.Render(lru, t.Format("views.lru", side), t));
                }
            }
        }
    }

    // A drawing with its heading as the figure's caption (the explanation is said once, above the steps).
    private static void Figure(StringBuilder html, string heading, string svg) =>
        html.Append("<figure class=\"view\">\n<figcaption>").Append(HtmlText.Escape(heading)).Append("</figcaption>\n").Append(svg).Append("</figure>\n");
}
