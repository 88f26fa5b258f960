using MemKata.Reports.Html.Markup;
using MemKata.Reports.Html.Recording;
using MemKata.Reports.Html.Text;

namespace MemKata.Reports.Html.Drawings;

/// <summary>How a class did on each task: a bar per task across the whole class, split into learners with full marks
/// (green), some points (amber), started but no points (red) and not started (grey), each part's count on it and in its
/// hover text; the class's mean and median points of the task beside it.</summary>
internal static class TaskSpreadDrawing
{
    private const double Left = 300;
    private const double BarWidth = 560;
    private const double Pitch = 30;

    private static readonly (string Css, string Key)[] Parts =
    [
        ("bar-full", "class.full"), ("bar-part", "class.partial"), ("bar-none", "class.nothing"), ("bar-optional", "class.notStarted"),
    ];

    /// <summary>The drawing of <paramref name="tasks"/>.</summary>
    public static string Render(IReadOnlyList<TaskSpread> tasks, ReportLanguage t)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var svg = new Svg("class-tasks", Left + BarWidth + 240, 40 + (tasks.Count * Pitch), t["class.tasks"]);
        var x0 = Left;
        foreach (var (css, key) in Parts)
        {
            svg.Rect(x0, 6, 12, 12, css);
            svg.Text(x0 + 16, 16, t[key]);
            x0 += 34 + TextWidth.Of(t[key]);
        }

        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i];
            var y = 30 + (i * Pitch);
            var learners = Math.Max(1, task.FullMarks + task.Partial + task.Nothing + task.NotStarted);
            svg.Group("task-spread");
            svg.Text(Left - 10, y + 15, task.Label.Length > 44 ? task.Label[..43] + "…" : task.Label, "lbl", "end", task.Label);
            var x = Left;
            var counts = new[] { task.FullMarks, task.Partial, task.Nothing, task.NotStarted };
            for (var p = 0; p < Parts.Length; p++)
            {
                if (counts[p] == 0)
                {
                    continue;
                }

                var w = BarWidth * counts[p] / learners;
                svg.Rect(x, y, w, 20, Parts[p].Css, t.Format("class.partTitle", t[Parts[p].Key], counts[p]));
                if (w > 18)
                {
                    svg.Text(x + (w / 2), y + 14, HtmlText.Number(counts[p]), "lbl small in", "middle");
                }

                x += w;
            }

            svg.Text(Left + BarWidth + 10, y + 15, t.Format("class.taskMean", ScoreBandsDrawing.Points(task.Mean), ScoreBandsDrawing.Points(task.Median),
                ScoreBandsDrawing.Points(task.MaxPoints)), "lbl small");
            svg.EndGroup();
        }

        return svg.Render();
    }
}
