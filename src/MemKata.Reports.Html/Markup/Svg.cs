using System.Text;
using static MemKata.Reports.Html.Markup.HtmlText;

namespace MemKata.Reports.Html.Markup;

/// <summary>
/// Writes one inline SVG drawing: shapes with a CSS class (colours live in the page's style sheet, so a shape costs a
/// few bytes), an optional <c>&lt;title&gt;</c> each (what a browser shows on hover, no script needed), text. The
/// drawing has a <c>role="img"</c> and a label for readers that do not see it.
/// </summary>
internal sealed class Svg
{
    private readonly StringBuilder _body = new();

    /// <summary>A drawing <paramref name="width"/> × <paramref name="height"/> user units, classed
    /// <paramref name="cssClass"/> (the browser tests find drawings by it), described by <paramref name="label"/>.</summary>
    public Svg(string cssClass, double width, double height, string label)
    {
        CssClass = cssClass;
        Width = width;
        Height = height;
        Label = label;
    }

    /// <summary>The drawing's class, e.g. <c>heap-strips</c>.</summary>
    public string CssClass { get; }

    /// <summary>Its width in user units.</summary>
    public double Width { get; }

    /// <summary>Its height; may grow while drawing (<see cref="GrowTo"/>).</summary>
    public double Height { get; private set; }

    /// <summary>What it shows, in words.</summary>
    public string Label { get; }

    /// <summary>Makes the drawing at least <paramref name="height"/> tall.</summary>
    public void GrowTo(double height) => Height = Math.Max(Height, height);

    /// <summary>Opens a group classed <paramref name="cssClass"/> (closed by <see cref="EndGroup"/>).</summary>
    public void Group(string cssClass, string? title = null)
    {
        _body.Append("<g class=\"").Append(cssClass).Append("\">");
        if (title is not null)
        {
            _body.Append("<title>").Append(Escape(title)).Append("</title>");
        }

        _body.Append('\n');
    }

    /// <summary>Closes the group <see cref="Group"/> opened.</summary>
    public void EndGroup() => _body.Append("</g>\n");

    /// <summary>A rectangle; <paramref name="title"/> is shown on hover.</summary>
    public void Rect(double x, double y, double width, double height, string cssClass, string? title = null)
    {
        _body.Append("<rect x=\"").Append(Number(x)).Append("\" y=\"").Append(Number(y)).Append("\" width=\"")
            .Append(Number(Math.Max(width, 0))).Append("\" height=\"").Append(Number(Math.Max(height, 0)))
            .Append("\" class=\"").Append(cssClass).Append('"');
        Close("rect", title);
    }

    /// <summary>A line segment.</summary>
    public void Line(double x1, double y1, double x2, double y2, string cssClass, string? title = null)
    {
        _body.Append("<line x1=\"").Append(Number(x1)).Append("\" y1=\"").Append(Number(y1)).Append("\" x2=\"")
            .Append(Number(x2)).Append("\" y2=\"").Append(Number(y2)).Append("\" class=\"").Append(cssClass).Append('"');
        Close("line", title);
    }

    /// <summary>A polyline or polygon through <paramref name="points"/>.</summary>
    public void Path(IEnumerable<(double X, double Y)> points, string cssClass, bool closed = false, string? title = null)
    {
        _body.Append(closed ? "<polygon" : "<polyline").Append(" points=\"");
        var first = true;
        foreach (var (x, y) in points)
        {
            _body.Append(first ? "" : " ").Append(Number(x)).Append(',').Append(Number(y));
            first = false;
        }

        _body.Append("\" class=\"").Append(cssClass).Append('"');
        Close(closed ? "polygon" : "polyline", title);
    }

    /// <summary>Text whose start (or middle, or end, by <paramref name="anchor"/>) is at (x, y), the baseline.</summary>
    public void Text(double x, double y, string text, string cssClass = "lbl", string anchor = "start", string? title = null)
    {
        _body.Append("<text x=\"").Append(Number(x)).Append("\" y=\"").Append(Number(y)).Append("\" class=\"").Append(cssClass).Append('"');
        if (anchor != "start")
        {
            _body.Append(" text-anchor=\"").Append(anchor).Append('"');
        }

        _body.Append('>');
        if (title is not null)
        {
            _body.Append("<title>").Append(Escape(title)).Append("</title>");
        }

        _body.Append(Escape(text)).Append("</text>\n");
    }

    /// <summary>The whole drawing as an <c>&lt;svg&gt;</c> element.</summary>
    public string Render() =>
        $"<svg class=\"{CssClass}\" viewBox=\"0 0 {Number(Width)} {Number(Height)}\" width=\"{Number(Width)}\" height=\"{Number(Height)}\" role=\"img\" aria-label=\"{Escape(Label)}\">\n{_body}</svg>\n";

    private void Close(string element, string? title)
    {
        if (title is null)
        {
            _body.Append("/>\n");
            return;
        }

        _body.Append("><title>").Append(Escape(title)).Append("</title></").Append(element).Append(">\n");
    }
}
