using System.Globalization;
using System.Text;
using MemKata.Engine.Performance;
using MemKata.Reports.Html.Markup;
using MemKata.Reports.Html.Recording;
using MemKata.Reports.Html.Text;

namespace MemKata.Reports.Html.Pages;

/// <summary>The top of <c>replay --exercise</c>'s page: the heap rules' verdict, the learner's utilization and
/// simulated cost beside the reference's, and the trace's score (task 8); the heap strips follow it.</summary>
internal static class LearnerReplaySection
{
    /// <summary>The section's HTML.</summary>
    public static string Body(LearnerReplayFacts facts, ReportLanguage t)
    {
        var html = new StringBuilder();
        var verdict = facts.Clean ? t.Format("learner.rulesKept", facts.Operations)
            : facts.RuleBroken is { } rule ? t.Format("learner.rulesBroken", rule)
            : t.Format("learner.stopped", facts.Stopped ?? "");
        html.Append("<p class=\"verdict ").Append(facts.Clean ? "ok" : "bad").Append("\">").Append(HtmlText.Escape(verdict)).Append("</p>\n");
        if (facts.Yours is not { } yours)
        {
            return html.ToString();
        }

        var theirs = facts.Reference;
        html.Append("<table class=\"steps\">\n<tr><th></th><th>").Append(HtmlText.Escape(t["learner.yours"])).Append("</th><th>")
            .Append(HtmlText.Escape(t["learner.reference"])).Append("</th></tr>\n");
        Row(html, t["learner.utilization"], Percent(yours), theirs is null ? "" : Percent(theirs));
        Row(html, t["learner.peakPayload"], HtmlText.Number((long)yours.PeakPayload), theirs is null ? "" : HtmlText.Number((long)theirs.PeakPayload));
        Row(html, t["learner.peakFootprint"], HtmlText.Number((long)yours.PeakFootprint), theirs is null ? "" : HtmlText.Number((long)theirs.PeakFootprint));
        Row(html, t["learner.cost"], HtmlText.Number(yours.Cost), theirs is null ? "" : HtmlText.Number(theirs.Cost));
        Row(html, t["learner.accesses"], HtmlText.Number(yours.Work.Accesses), theirs is null ? "" : HtmlText.Number(theirs.Work.Accesses));
        Row(html, t["learner.bulk"], HtmlText.Number(yours.Work.BulkBytes), theirs is null ? "" : HtmlText.Number(theirs.Work.BulkBytes));
        Row(html, t["learner.syscalls"], HtmlText.Number(yours.Work.Syscalls), theirs is null ? "" : HtmlText.Number(theirs.Work.Syscalls));
        Row(html, t["learner.faults"], HtmlText.Number(yours.Work.PageFaults), theirs is null ? "" : HtmlText.Number(theirs.Work.PageFaults));
        html.Append("</table>\n<p class=\"note\">").Append(HtmlText.Escape(t.Format("learner.costModel",
            CostModel.BulkBytesPerAccess, CostModel.Syscall, CostModel.PageFault))).Append("</p>\n");
        if (theirs is not null && facts.ReferenceOrigin is { } origin)
        {
            html.Append("<p class=\"note\">").Append(HtmlText.Escape(t.Format("learner.referenceFrom", origin))).Append("</p>\n");
        }

        var score = facts.Score is not { } s ? t.Format("learner.noScore", facts.ReferenceMissing ?? "")
            : yours.Failure is not null || !facts.Clean ? t["learner.failedScore"]
            : t.Format("learner.score", s.ToString("F1", CultureInfo.InvariantCulture));
        html.Append("<p class=\"verdict ").Append(facts.Score is >= 100 ? "ok" : "bad").Append("\">").Append(HtmlText.Escape(score)).Append("</p>\n");
        return html.ToString();
    }

    private static void Row(StringBuilder html, string label, string yours, string reference) =>
        html.Append("<tr><td>").Append(HtmlText.Escape(label)).Append("</td><td class=\"num\">").Append(HtmlText.Escape(yours))
            .Append("</td><td class=\"num\">").Append(HtmlText.Escape(reference)).Append("</td></tr>\n");

    private static string Percent(TraceMeasurement m) =>
        m.Failure is null ? (100 * m.Utilization).ToString("F1", CultureInfo.InvariantCulture) + " %" : "—";
}
