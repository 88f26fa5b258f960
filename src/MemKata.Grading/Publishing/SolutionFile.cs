using System.Security.Cryptography;
using System.Text;

namespace MemKata.Grading.Publishing;

/// <summary>
/// Writes a classic Visual Studio solution (<c>.sln</c>, format 12.00), the format every IDE and <c>dotnet</c> command
/// reads. Projects are grouped in solution folders named after their top folder (<c>src</c>, <c>exercises</c>).
/// Every GUID is derived from the project's path, so the same projects always give the same bytes.
/// </summary>
public static class SolutionFile
{
    private const string CSharpProjectType = "{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}";
    private const string FolderType = "{2150E333-8FDC-42A3-9474-1A3956D46DE8}";

    /// <summary>The solution text for <paramref name="projectPaths"/>: paths relative to the solution's folder, with
    /// <c>/</c> separators. Projects are listed in ordinal order of their paths; line endings are CRLF, as Visual Studio
    /// writes them.</summary>
    public static string Write(IEnumerable<string> projectPaths)
    {
        ArgumentNullException.ThrowIfNull(projectPaths);
        var projects = projectPaths.Select(p => p.Replace('\\', '/')).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var folders = projects.Select(p => p.Split('/')[0]).Where(f => projects.Any(p => p.Contains('/', StringComparison.Ordinal) && p.StartsWith(f + "/", StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append("\r\n");

        Line("");
        Line("Microsoft Visual Studio Solution File, Format Version 12.00");
        Line("# Visual Studio Version 17");
        Line("VisualStudioVersion = 17.0.31903.59");
        Line("MinimumVisualStudioVersion = 10.0.40219.1");
        foreach (var folder in folders)
        {
            Line($"Project(\"{FolderType}\") = \"{folder}\", \"{folder}\", \"{Guid("folder:" + folder)}\"");
            Line("EndProject");
        }

        foreach (var project in projects)
        {
            var name = Path.GetFileNameWithoutExtension(project);
            Line($"Project(\"{CSharpProjectType}\") = \"{name}\", \"{project.Replace('/', '\\')}\", \"{Guid(project)}\"");
            Line("EndProject");
        }

        Line("Global");
        Line("\tGlobalSection(SolutionConfigurationPlatforms) = preSolution");
        Line("\t\tDebug|Any CPU = Debug|Any CPU");
        Line("\t\tRelease|Any CPU = Release|Any CPU");
        Line("\tEndGlobalSection");
        Line("\tGlobalSection(ProjectConfigurationPlatforms) = postSolution");
        foreach (var project in projects)
        {
            foreach (var configuration in new[] { "Debug", "Release" })
            {
                Line($"\t\t{Guid(project)}.{configuration}|Any CPU.ActiveCfg = {configuration}|Any CPU");
                Line($"\t\t{Guid(project)}.{configuration}|Any CPU.Build.0 = {configuration}|Any CPU");
            }
        }

        Line("\tEndGlobalSection");
        Line("\tGlobalSection(SolutionProperties) = preSolution");
        Line("\t\tHideSolutionNode = FALSE");
        Line("\tEndGlobalSection");
        Line("\tGlobalSection(NestedProjects) = preSolution");
        foreach (var project in projects.Where(p => p.Contains('/', StringComparison.Ordinal)))
        {
            Line($"\t\t{Guid(project)} = {Guid("folder:" + project.Split('/')[0])}");
        }

        Line("\tEndGlobalSection");
        Line("EndGlobal");
        return text.ToString();
    }

    // A stable, upper-case, braced GUID from a name: the first 16 bytes of its SHA-256.
    private static string Guid(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16).ToArray();
        return new Guid(bytes).ToString("B").ToUpperInvariant();
    }
}
