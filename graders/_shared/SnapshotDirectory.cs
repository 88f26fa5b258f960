namespace MemKata.Graders.Shared;

/// <summary>
/// Finds <c>graders/&lt;slug&gt;/__snapshots__</c>: from the environment variable <see cref="EnvironmentVariable"/> if
/// set, else next to the grader's source file (its compile-time path), else by walking up from the working directory and
/// from the test assembly's folder.
/// </summary>
internal static class SnapshotDirectory
{
    /// <summary>The variable that moves grader <paramref name="slug"/>'s snapshots: <c>MEMKATA_&lt;SLUG&gt;_SNAPSHOTS</c>,
    /// the slug in capitals with <c>-</c> as <c>_</c> (<c>MEMKATA_FAULT_HANDLER_SNAPSHOTS</c>).</summary>
    public static string EnvironmentVariable(string slug) =>
        "MEMKATA_" + slug.ToUpperInvariant().Replace('-', '_') + "_SNAPSHOTS";

    /// <summary>The snapshot folder of <paramref name="suite"/>; throws <see cref="DirectoryNotFoundException"/> saying
    /// where it looked when there is none.</summary>
    public static string Locate(SnapshotSuite suite)
    {
        var variable = EnvironmentVariable(suite.Slug);
        var configured = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        var nextToSource = Path.Combine(Path.GetDirectoryName(suite.GraderSourceFile) ?? ".", "__snapshots__");
        if (Directory.Exists(nextToSource))
        {
            return nextToSource;
        }

        var relative = Path.Combine("graders", suite.Slug, "__snapshots__");
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, relative);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"cannot find the {suite.Slug} snapshots: set {variable} to the folder graders/{suite.Slug}/__snapshots__, " +
            $"or run from inside the repository (looked next to {suite.GraderSourceFile} and above {Directory.GetCurrentDirectory()})");
    }
}
