using System.Globalization;
using MemKata.Reports.Html.Markup;
using MemKata.Reports.Html.Recording;
using MemKata.Reports.Html.Text;

namespace MemKata.Reports.Html.Drawings;

/// <summary>A class's scores as a histogram: a column per band (a tenth of the maximum each), its height the learners in
/// it, its count above it; the mean and the median as dashed lines across, each labelled.</summary>
internal static class ScoreBandsDrawing
{
    private const double Left = 60;
    private const double PlotWidth = 800;
    private const double Top = 30;
    private const double PlotHeight = 200;

    /// <summary>The drawing of <paramref name="chart"/>'s bands.</summary>
    public static string Render(ClassChart chart, ReportLanguage t)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var bands = chart.Bands;
        var svg = new Svg("class-scores", Left + PlotWidth + 40, Top + PlotHeight + 50, t["class.bands"]);
        var most = Math.Max(1, bands.Count == 0 ? 1 : bands.Max(b => b.Learners));
        var pitch = PlotWidth / Math.Max(1, bands.Count);
        // The tallest column reaches 80 % of the plot: the top stays free for the mean's and median's labels.
        double Y(double learners) => Top + PlotHeight - (0.8 * PlotHeight * learners / most);
        double X(double score) => Left + (PlotWidth * (chart.MaxScore <= 0 ? 0 : Math.Clamp(score / chart.MaxScore, 0, 1)));

        svg.Rect(Left, Top, PlotWidth, PlotHeight, "tl-plot");
        svg.Text(Left - 8, Y(most) + 4, HtmlText.Number(most), "lbl small", "end");
        svg.Text(Left - 8, Top + PlotHeight + 4, "0", "lbl small", "end");
        svg.Text(Left - 8, Top - 14, t["class.learnersAxis"], "lbl small dim", "start");
        for (var i = 0; i < bands.Count; i++)
        {
            var band = bands[i];
            var x = Left + (i * pitch);
            svg.Group("band");
            if (band.Learners > 0)
            {
                svg.Rect(x + 3, Y(band.Learners), pitch - 6, Top + PlotHeight - Y(band.Learners), "band-bar",
                    t.Format("class.bandTitle", Points(band.From), Points(band.To), band.Learners));
                svg.Text(x + (pitch / 2), Y(band.Learners) - 4, HtmlText.Number(band.Learners), "lbl small", "middle");
            }

            svg.Text(x, Top + PlotHeight + 16, Points(band.From), "lbl small dim", "middle");
            svg.EndGroup();
        }

        svg.Text(Left + PlotWidth, Top + PlotHeight + 16, Points(chart.MaxScore), "lbl small dim", "middle");
        svg.Text(Left + (PlotWidth / 2), Top + PlotHeight + 38, t.Format("class.scoreAxis", Points(chart.MaxScore)), "lbl small dim", "middle");
        var (mean, median) = (chart.Mean, chart.Median);
        svg.Line(X(mean), Top, X(mean), Top + PlotHeight, "class-mean", t.Format("class.mean", Points(mean)));
        svg.Line(X(median), Top, X(median), Top + PlotHeight, "class-median", t.Format("class.median", Points(median)));

        // The two labels sit at the top, the mean's on the left of its line and the median's on the right, so that close
        // values do not print over each other.
        var (leftValue, leftKey, rightValue, rightKey) = mean <= median ? (mean, "class.mean", median, "class.median") : (median, "class.median", mean, "class.mean");
        svg.Text(X(leftValue) - 4, Top + 12, t.Format(leftKey, Points(leftValue)), "lbl small b", "end");
        svg.Text(X(rightValue) + 4, Top + 12, t.Format(rightKey, Points(rightValue)), "lbl small b", "start");
        return svg.Render();
    }

    /// <summary>Points as the reports write them: at most two decimals.</summary>
    public static string Points(double points) => points.ToString("0.##", CultureInfo.InvariantCulture);
}
