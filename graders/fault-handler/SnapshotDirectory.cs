using System.Runtime.CompilerServices;

namespace MemKata.Graders.FaultHandler;

/// <summary>
/// Finds <c>graders/fault-handler/__snapshots__</c>: from the environment variable <see cref="EnvironmentVariable"/> if set,
/// else next to this source file (its compile-time path), else by walking up from the working directory and from the
/// test assembly's folder.
/// </summary>
internal static class SnapshotDirectory
{
    public const string EnvironmentVariable = "MEMKATA_FAULT_HANDLER_SNAPSHOTS";

    private static readonly string _relative = Path.Combine("graders", "fault-handler", "__snapshots__");

    public static string Locate([CallerFilePath] string sourceFile = "")
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        var nextToSource = Path.Combine(Path.GetDirectoryName(sourceFile) ?? ".", "__snapshots__");
        if (Directory.Exists(nextToSource))
        {
            return nextToSource;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, _relative);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"cannot find the fault-handler snapshots: set {EnvironmentVariable} to the folder graders/fault-handler/__snapshots__, " +
            $"or run from inside the repository (looked next to {sourceFile} and above {Directory.GetCurrentDirectory()})");
    }
}
