using System.Xml.Linq;

namespace MemKata.Grading.Publishing;

/// <summary>
/// An exercise's project file as a starter repository ships it: each reference to a MemKata project under
/// <c>src/</c> becomes a reference to that project's compiled assembly in the starter's <see cref="PrebuiltTool.Folder"/>
/// (the analyzers become an <c>Analyzer</c> item), and the analyzers' MSBuild import points there too. Everything
/// else in the file (packages, properties, comments) is kept as written.
/// </summary>
public static class LearnerProjectFile
{
    /// <summary>The project file text for the starter. <paramref name="projectText"/> is the exercise's project file;
    /// <paramref name="toRoot"/> is the path from its folder to the repository's root, with <c>/</c> separators and a
    /// trailing one (<c>../../</c> for <c>exercises/SLUG/</c>). Throws <see cref="GradingInputException"/> when the
    /// project references a project outside <c>src/</c>, which a starter cannot ship.</summary>
    public static string Rewrite(string projectText, string toRoot)
    {
        ArgumentNullException.ThrowIfNull(projectText);
        ArgumentNullException.ThrowIfNull(toRoot);
        var document = XDocument.Parse(projectText, LoadOptions.PreserveWhitespace);
        var tool = toRoot + PrebuiltTool.Folder + "/";

        foreach (var reference in document.Descendants("ProjectReference").ToList())
        {
            var include = ((string?)reference.Attribute("Include") ?? "").Replace('\\', '/');
            if (!include.StartsWith(toRoot + "src/", StringComparison.Ordinal))
            {
                throw new GradingInputException(
                    $"an exercise references {include}: only projects under src/ can be shipped compiled in a starter.");
            }

            var assembly = Path.GetFileNameWithoutExtension(include);
            var isAnalyzer = (string?)reference.Attribute("OutputItemType") == "Analyzer";
            reference.ReplaceWith(isAnalyzer
                ? new XElement("Analyzer", new XAttribute("Include", $"{tool}{assembly}.dll"))
                : new XElement("Reference", new XAttribute("Include", assembly), new XElement("HintPath", $"{tool}{assembly}.dll")));
        }

        foreach (var import in document.Descendants("Import"))
        {
            var project = ((string?)import.Attribute("Project") ?? "").Replace('\\', '/');
            if (project == toRoot + PrebuiltTool.AnalyzerTargetsSource)
            {
                import.SetAttributeValue("Project", toRoot + PrebuiltTool.AnalyzerTargets);
            }
        }

        return document.Declaration is null ? document.ToString(SaveOptions.DisableFormatting) + "\n"
            : document.Declaration + "\n" + document.ToString(SaveOptions.DisableFormatting) + "\n";
    }
}
