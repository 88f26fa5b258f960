using System.Globalization;
using MemKata.Reports.Html.Markup;
using MemKata.Reports.Html.Recording;
using MemKata.Reports.Html.Text;

namespace MemKata.Reports.Html.Drawings;

/// <summary>The per-task scores as bars: each task's points out of its maximum, its tests passed, optional tasks
/// marked; a full bar is green, a partial one amber, an empty one red, and a task worth no points (an optional one)
/// grey: not doing it is no failure.</summary>
internal static class TaskScoresDrawing
{
    private const double Left = 300;
    private const double BarWidth = 560;
    private const double Pitch = 30;

    /// <summary>The drawing of <paramref name="tasks"/>.</summary>
    public static string Render(IReadOnlyList<TaskBar> tasks, ReportLanguage t)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var svg = new Svg("grade-tasks", Left + BarWidth + 200, 16 + (tasks.Count * Pitch), t["grade.chart"]);
        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i];
            var y = 8 + (i * Pitch);
            var label = t.Format("grade.task", task.Number) + (task.Title.Length > 0 ? ": " + task.Title : "") + (task.IsBonus ? " " + t["grade.bonus"] : "");
            svg.Group("task");
            svg.Text(Left - 10, y + 15, label.Length > 44 ? label[..43] + "…" : label, "lbl", "end", label);
            svg.Rect(Left, y, BarWidth, 20, "bar-max");
            var share = task.MaxPoints > 0 ? Math.Clamp(task.Points / task.MaxPoints, 0, 1) : 0;
            var css = task.MaxPoints <= 0 ? "bar-optional" : share >= 1 ? "bar-full" : share > 0 ? "bar-part" : "bar-none";
            svg.Rect(Left, y, Math.Max(BarWidth * share, 4), 20, css, t.Format("grade.points", Points(task.Points), Points(task.MaxPoints), task.Passed, task.Total));
            svg.Text(Left + BarWidth + 10, y + 15, t.Format("grade.points", Points(task.Points), Points(task.MaxPoints), task.Passed, task.Total), "lbl small");
            svg.EndGroup();
        }

        return svg.Render();
    }

    private static string Points(double points) => points.ToString("0.##", CultureInfo.InvariantCulture);
}
