using System.Text;
using MemKata.Engine.Kernel;
using MemKata.Reports.Html.Markup;
using MemKata.Reports.Html.Text;
using MemKata.Scenarios;
using MemKata.Scenarios.Summaries;

namespace MemKata.Reports.Html.Pages;

/// <summary>The report's HTML tables: a run's steps, key facts, and the OOM killer's badness table.</summary>
internal static class Tables
{
    /// <summary>A table of the steps of a run: number, process, call, outcome, faults.</summary>
    public static string Steps(IReadOnlyList<StepOutcome> steps, ReportLanguage t)
    {
        var html = new StringBuilder("<table class=\"steps\">\n<tr>");
        foreach (var key in new[] { "steps.n", "steps.process", "steps.call", "steps.result", "steps.minor", "steps.major" })
        {
            html.Append("<th>").Append(HtmlText.Escape(t[key])).Append("</th>");
        }

        html.Append("</tr>\n");
        foreach (var s in steps)
        {
            html.Append(s.IsDeath ? "<tr class=\"death\">" : "<tr>")
                .Append("<td class=\"num\">").Append(s.Index).Append("</td><td>").Append(HtmlText.Escape(s.Process))
                .Append("</td><td class=\"mono\">").Append(HtmlText.Escape(s.Action)).Append("</td><td class=\"mono\">")
                .Append(HtmlText.Escape(t.Say(s.ResultPhrase))).Append("</td><td class=\"num\">").Append(HtmlText.Number(s.MinorFaults))
                .Append("</td><td class=\"num\">").Append(HtmlText.Number(s.MajorFaults)).Append("</td></tr>\n");
        }

        return html.Append("</table>\n").ToString();
    }

    /// <summary>A definition list of a run's key numbers, names and values in the report's language.</summary>
    public static string Facts(IEnumerable<KeyNumber> facts, ReportLanguage t) => Facts(facts.Select(f => (f.Name, t.Say(f.Value))), t);

    /// <summary>A definition list of (name, value) facts; names are looked up as <c>fact.NAME</c> when the language
    /// has them, values are shown as they are.</summary>
    public static string Facts(IEnumerable<(string Name, string Value)> facts, ReportLanguage t)
    {
        var html = new StringBuilder("<dl class=\"facts\">\n");
        foreach (var (name, value) in facts)
        {
            html.Append("<dt>").Append(HtmlText.Escape(t["fact." + name])).Append("</dt><dd>").Append(HtmlText.Escape(value)).Append("</dd>\n");
        }

        return html.Append("</dl>\n").ToString();
    }

    /// <summary>One table per OOM killer invocation: every candidate with the figures the choice was made with, the
    /// victim's row marked.</summary>
    public static string OomKills(IReadOnlyList<OomKill> kills, ReportLanguage t)
    {
        var html = new StringBuilder();
        foreach (var kill in kills)
        {
            html.Append("<p>").Append(HtmlText.Escape(t.Format("oom.invocation", kill.Number, kill.RequesterPid, kill.RequesterName, kill.TotalPages)))
                .Append("</p>\n<table class=\"oom\">\n<tr>");
            foreach (var key in new[] { "oom.pid", "oom.name", "oom.rss", "oom.swap", "oom.pgtables", "oom.adj", "oom.points", "oom.score" })
            {
                html.Append("<th>").Append(HtmlText.Escape(t[key])).Append("</th>");
            }

            html.Append("</tr>\n");
            foreach (var c in kill.Candidates)
            {
                var points = kill.PointsOf(c);
                html.Append(c.Pid == kill.VictimPid ? "<tr class=\"victim\">" : "<tr>")
                    .Append("<td class=\"num\">").Append(c.Pid).Append("</td><td>").Append(HtmlText.Escape(c.Name))
                    .Append("</td><td class=\"num\">").Append(HtmlText.Number(c.ResidentPages)).Append("</td><td class=\"num\">")
                    .Append(HtmlText.Number(c.SwapEntries)).Append("</td><td class=\"num\">").Append(HtmlText.Number(c.PageTablePages))
                    .Append("</td><td class=\"num\">").Append(c.OomScoreAdj).Append("</td><td class=\"num\">")
                    .Append(points is { } p ? HtmlText.Number(p) : HtmlText.Escape(t["oom.exempt"])).Append("</td><td class=\"num\">")
                    .Append(HtmlText.Number(kill.OomScoreOf(c))).Append("</td></tr>\n");
            }

            html.Append("</table>\n<p class=\"note\">").Append(HtmlText.Escape(kill.VictimPid is { } v
                ? t.Format("oom.killed", v, kill.Victim!.Value.Name, kill.FramesFreed, kill.SwapSlotsFreed)
                : t["oom.nothing"])).Append("</p>\n");
        }

        return html.ToString();
    }
}
