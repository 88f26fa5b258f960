using System.Text;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Units;
using MemKata.Reports.Html.Drawings;
using MemKata.Reports.Html.Markup;
using MemKata.Reports.Html.Text;
using MemKata.Scenarios.Views;

namespace MemKata.Reports.Html.Pages;

/// <summary>
/// The machine views <c>--show page-table|lru|faults|reclaim|both|all</c> asks for, drawn: after each step shown, each process's page
/// table (<see cref="PageTableDrawing"/>), the LRU lists (<see cref="LruDrawing"/>) and the step's page faults with
/// the handler's calls for each, and the step's reclaim passes with the lists before and after each (tables). A scenario run has one side; a
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

                if (view.Faults is { } faults)
                {
                    Faults(html, t.Format("views.faults", side), faults, t);
                }

                if (view.Reclaims is { } reclaims)
                {
                    Reclaims(html, t.Format("views.reclaims", side), reclaims, t);
                }
            }
        }
    }

    // The step's page faults in runs, each with the handler's calls, as a table.
    private static void Faults(StringBuilder html, string heading, IReadOnlyList<FaultRun> faults, ReportLanguage t)
    {
        html.Append("<figure class=\"view\">\n<figcaption>").Append(HtmlText.Escape(heading)).Append("</figcaption>\n");
        if (faults.Count == 0)
        {
            html.Append("<p class=\"note\">").Append(HtmlText.Escape(t["faults.none"])).Append("</p>\n</figure>\n");
            return;
        }

        html.Append("<table class=\"faults\">\n<tr>");
        foreach (var key in new[] { "faults.process", "faults.pages", "faults.count", "faults.outcome", "faults.calls" })
        {
            html.Append("<th>").Append(HtmlText.Escape(t[key])).Append("</th>");
        }

        html.Append("</tr>\n");
        foreach (var run in faults)
        {
            if (run.IsLeftOut)
            {
                html.Append("<tr><td colspan=\"5\">").Append(HtmlText.Escape(t.Format("faults.leftOut", run.Count))).Append("</td></tr>\n");
                continue;
            }

            var pages = run.Count == 1 ? HexFormat.Address(run.First) : HexFormat.Address(run.First) + " – " + HexFormat.Address(run.Last);
            html.Append("<tr><td class=\"num\">").Append(HtmlText.Number(run.Pid)).Append("</td><td class=\"mono\">")
                .Append(HtmlText.Escape(t["faults." + run.Access]) + " " + HtmlText.Escape(pages)).Append("</td><td class=\"num\">")
                .Append(HtmlText.Number(run.Count)).Append("</td><td>").Append(HtmlText.Escape(t["faults." + run.Outcome]))
                .Append("</td><td class=\"mono\">").Append(HtmlText.Escape(run.Calls ?? t["faults.hidden"])).Append("</td></tr>\n");
        }

        html.Append("</table>\n</figure>\n");
    }

    // The step's reclaim passes, each with the lists before and after and what moved, as a table.
    private static void Reclaims(StringBuilder html, string heading, ReclaimLog log, ReportLanguage t)
    {
        html.Append("<figure class=\"view\">\n<figcaption>").Append(HtmlText.Escape(heading)).Append("</figcaption>\n");
        if (log.Passes.Count == 0)
        {
            html.Append("<p class=\"note\">").Append(HtmlText.Escape(t["reclaims.none"])).Append("</p>\n</figure>\n");
            return;
        }

        html.Append("<table class=\"faults reclaims\">\n<tr>");
        foreach (var key in new[] { "reclaims.who", "reclaims.wanted", "reclaims.freed", "reclaims.lists", "reclaims.moved" })
        {
            html.Append("<th>").Append(HtmlText.Escape(t[key])).Append("</th>");
        }

        html.Append("</tr>\n");
        foreach (var pass in log.Passes)
        {
            var who = pass.Mode == ReclaimMode.Background ? t["reclaims.kswapd"] : t.Format("reclaims.direct", pass.Pid);
            var lists = string.Join("<br>", Enum.GetValues<LruList>().Select((list, i) => HtmlText.Escape(t["lru." + list] + " " +
                (pass.Before[i] == pass.After[i] ? HtmlText.Number(pass.Before[i]) : HtmlText.Number(pass.Before[i]) + " → " + HtmlText.Number(pass.After[i])))));
            var moved = new[]
            {
                ("reclaims.scanned", pass.Scanned), ("reclaims.rotated", pass.Rotated), ("reclaims.activated", pass.Activated),
                ("reclaims.deactivated", pass.Deactivated), ("reclaims.writtenBack", pass.WrittenBack), ("reclaims.swappedOut", pass.SwappedOut),
                ("reclaims.dropped", pass.Dropped),
            }.Where(m => m.Item2 > 0).Select(m => HtmlText.Escape(t.Format(m.Item1, m.Item2)));
            html.Append("<tr><td>").Append(HtmlText.Escape(who)).Append("</td><td class=\"num\">").Append(HtmlText.Number(pass.Wanted))
                .Append("</td><td class=\"num\">").Append(HtmlText.Number(pass.Freed)).Append("</td><td>").Append(lists)
                .Append("</td><td>").Append(string.Join("<br>", moved)).Append("</td></tr>\n");
        }

        if (log.LeftOut > 0)
        {
            html.Append("<tr><td colspan=\"5\">").Append(HtmlText.Escape(t.Format("reclaims.leftOut", log.LeftOut))).Append("</td></tr>\n");
        }

        html.Append("</table>\n</figure>\n");
    }

    // A drawing with its heading as the figure's caption (the explanation is said once, above the steps).
    private static void Figure(StringBuilder html, string heading, string svg) =>
        html.Append("<figure class=\"view\">\n<figcaption>").Append(HtmlText.Escape(heading)).Append("</figcaption>\n").Append(svg).Append("</figure>\n");
}
