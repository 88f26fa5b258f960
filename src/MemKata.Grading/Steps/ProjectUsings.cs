using System.Xml.Linq;

namespace MemKata.Grading.Steps;

/// <summary>The global usings a project file would give its sources, so that a submission that builds with
/// <c>dotnet build</c> also builds in the grader: the SDK's implicit usings plus every <c>&lt;Using Include="..."/&gt;</c>
/// of the exercise's project file.</summary>
internal static class ProjectUsings
{
    /// <summary>Microsoft.NET.Sdk's implicit usings (ImplicitUsings=enable, set in Directory.Build.props).</summary>
    public static readonly string[] Implicit =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading",
        "System.Threading.Tasks",
    ];

    /// <summary>The <c>Using</c> items of the <c>*.csproj</c> files in <paramref name="directory"/>.</summary>
    public static IEnumerable<string> FromProjects(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.csproj")
                .SelectMany(path => XDocument.Load(path).Descendants("Using"))
                .Select(item => (string?)item.Attribute("Include"))
                .OfType<string>()
            : [];

    /// <summary>C# source with one <c>global using</c> per namespace.</summary>
    public static string Source(IEnumerable<string> namespaces) =>
        string.Concat(namespaces.Distinct(StringComparer.Ordinal).Select(n => $"global using global::{n};\n"));
}
