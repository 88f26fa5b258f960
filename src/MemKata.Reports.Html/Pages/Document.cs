using System.Text;
using MemKata.Reports.Html.Markup;
using MemKata.Reports.Html.Text;

namespace MemKata.Reports.Html.Pages;

/// <summary>
/// The page around the drawings: one HTML5 document with the style sheet inline, a content security policy that lets
/// it load nothing (no script, no font, no image from anywhere), a title, a table of contents and the sections. Without
/// script everything is there: hover texts are SVG titles.
/// </summary>
internal sealed class Document(ReportLanguage t, string title)
{
    private readonly StringBuilder _sections = new();
    private readonly List<(string Id, string Title)> _contents = [];

    /// <summary>The language the page is written in.</summary>
    public ReportLanguage Language { get; } = t;

    /// <summary>Adds a section with a heading; <paramref name="body"/> is HTML.</summary>
    public void Section(string id, string heading, string body)
    {
        _contents.Add((id, heading));
        _sections.Append("<section id=\"").Append(id).Append("\">\n<h2>").Append(HtmlText.Escape(heading)).Append("</h2>\n")
            .Append(body).Append("</section>\n");
    }

    /// <summary>The whole page.</summary>
    public string Render()
    {
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"").Append(Language.Code).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(HtmlText.Escape(title)).Append("</title>\n<style>\n").Append(StyleSheet.Text).Append("</style>\n</head>\n<body>\n")
            .Append("<header><h1>").Append(HtmlText.Escape(title)).Append("</h1><p class=\"sub\">").Append(HtmlText.Escape(Language["page.subtitle"]))
            .Append("</p></header>\n");
        if (_contents.Count > 1)
        {
            page.Append("<nav><h2>").Append(HtmlText.Escape(Language["page.contents"])).Append("</h2><ol>\n");
            foreach (var (id, heading) in _contents)
            {
                page.Append("<li><a href=\"#").Append(id).Append("\">").Append(HtmlText.Escape(heading)).Append("</a></li>\n");
            }

            page.Append("</ol></nav>\n");
        }

        page.Append("<main>\n").Append(_sections).Append("</main>\n<footer>").Append(HtmlText.Escape(Language["page.footer"]))
            .Append("</footer>\n</body>\n</html>\n");
        return page.ToString();
    }
}
