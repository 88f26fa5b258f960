using System.Globalization;
using System.Text;
using MemKata.Engine.Units;
using MemKata.Reports.Html.Drawings;
using MemKata.Reports.Html.Markup;
using MemKata.Reports.Html.Recording;
using MemKata.Reports.Html.Text;

namespace MemKata.Reports.Html.Pages;

/// <summary>
/// Everything the report shows of one scenario run: its explanation (translated for a built-in), the machine, the
/// steps, the key numbers, the timeline with the free-memory curve, RAM and swap after each step, each process's heap
/// as strips and its address space, and the OOM killer's tables.
/// </summary>
internal static class ScenarioSection
{
    /// <summary>The section's heading: the scenario's title in the report's language.</summary>
    public static string Title(ScenarioFilm film, ReportLanguage t)
    {
        ArgumentNullException.ThrowIfNull(film);
        var scenario = film.Result.Scenario;
        return film.IsBuiltIn ? t.ScenarioTitle(film.Name, scenario.Name) : scenario.Name;
    }

    /// <summary>The section's body (HTML).</summary>
    public static string Body(ScenarioFilm film, ReportLanguage t)
    {
        ArgumentNullException.ThrowIfNull(film);
        var result = film.Result;
        var scenario = result.Scenario;
        var html = new StringBuilder();
        var explanation = film.IsBuiltIn ? t.ScenarioExplanation(film.Name, scenario.Explanation) : scenario.Explanation;
        html.Append("<p class=\"machine mono\">").Append(HtmlText.Escape(film.Name)).Append("</p>\n");
        if (explanation.Length > 0)
        {
            html.Append("<p class=\"explain\">").Append(HtmlText.Escape(explanation.Trim())).Append("</p>\n");
        }

        var config = result.Machine.Config;
        var marks = result.Machine.Watermarks;
        html.Append("<p class=\"machine\">").Append(HtmlText.Escape(t.Format("scn.machine", config.Architecture.Name,
            ByteSizeFormat.Scaled(config.RamBytes, ByteUnit.TiB), ByteSizeFormat.Scaled(config.SwapBytes, ByteUnit.TiB),
            (int)config.Overcommit, config.Swappiness, marks.Min, marks.Low, marks.High))).Append("</p>\n");

        html.Append("<h3>").Append(HtmlText.Escape(t["scn.steps"])).Append("</h3>\n").Append(Tables.Steps(result.Steps, t));
        html.Append("<h3>").Append(HtmlText.Escape(t["scn.keys"])).Append("</h3>\n")
            .Append(Tables.Facts(MemKata.Scenarios.Summaries.ScenarioKeyNumbers.Facts(result), t));

        Figure(html, t["tl.title"], TimelineDrawing.Render(film, t), t["tl.caption"]);
        var pictures = film.Pictures.ToList();
        var labels = pictures.Select(s => StepLabel(film, s.AfterStep, t)).ToList();
        Figure(html, t["ram.title"], FrameMapDrawing.Render(pictures, labels, t), t["ram.caption"]);

        foreach (var pid in film.Snapshots[^1].Processes.Select(p => p.Pid))
        {
            var strips = HeapStrips(film, pid, t);
            var last = film.Snapshots.Select(s => s.Processes.FirstOrDefault(p => p.Pid == pid)).LastOrDefault(p => p is { IsAlive: true })
                ?? film.Snapshots[0].Processes.First(p => p.Pid == pid);
            var who = t.Format("scn.process", last.Name, last.Pid);
            if (strips.Count > 0)
            {
                Figure(html, t["heap.title"] + " — " + who, HeapStripsDrawing.Render(strips, t), t["heap.caption"]);
            }

            Figure(html, t["as.title"] + " — " + who, AddressSpaceDrawing.Render(last, t), t["as.caption"]);
        }

        if (result.Machine.OomKills.Count > 0)
        {
            html.Append("<h3>").Append(HtmlText.Escape(t["oom.title"])).Append("</h3>\n").Append(Tables.OomKills(result.Machine.OomKills, t));
        }

        MachineViewsSection.Append(html, [(t["views.run"], film.Views)], step => StepLabel(film, step, t), t);
        return html.ToString();
    }

    /// <summary>Appends a figure: a heading, the drawing, a caption.</summary>
    public static void Figure(StringBuilder html, string heading, string svg, string caption)
    {
        ArgumentNullException.ThrowIfNull(html);
        html.Append("<h3>").Append(HtmlText.Escape(heading)).Append("</h3>\n<figure>\n").Append(svg)
            .Append("<figcaption>").Append(HtmlText.Escape(caption)).Append("</figcaption>\n</figure>\n");
    }

    /// <summary>Step <paramref name="afterStep"/> of <paramref name="film"/> as a picture's label: <c>3. app: write p</c>
    /// (0: the processes started).</summary>
    internal static string StepLabel(ScenarioFilm film, int afterStep, ReportLanguage t)
    {
        if (afterStep == 0)
        {
            return t["scn.start"];
        }

        var step = film.Result.Steps[afterStep - 1];
        var who = step.Process.Length > 0 ? step.Process + ": " : "";
        return string.Create(CultureInfo.InvariantCulture, $"{afterStep}. {who}{step.Action}");
    }

    private static List<HeapStrip> HeapStrips(ScenarioFilm film, int pid, ReportLanguage t)
    {
        var strips = new List<HeapStrip>();
        ProcessSnapshot? previous = null;
        foreach (var snapshot in film.Snapshots)
        {
            var process = snapshot.Processes.FirstOrDefault(p => p.Pid == pid);
            if (process is null || !process.IsAlive)
            {
                break;
            }

            var acts = snapshot.AfterStep == 0 || film.Result.Steps[snapshot.AfterStep - 1].Process == process.Name;
            if (process.Heap.Count > 0 && (acts || strips.Count == 0))
            {
                var note = previous is null ? "" : HeapNotes.Of(previous, process, t);
                strips.Add(new HeapStrip(StepLabel(film, snapshot.AfterStep, t), process.Heap, process.Break, note));
            }

            previous = process;
        }

        return strips;
    }
}
