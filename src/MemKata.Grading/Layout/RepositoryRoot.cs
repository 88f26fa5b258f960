namespace MemKata.Grading.Layout;

/// <summary>Finds the MemKata repository: the nearest folder at or above a start folder that holds <c>MemKata.sln</c>.</summary>
public static class RepositoryRoot
{
    /// <summary>The file that marks the repository's root.</summary>
    public const string MarkerFile = "MemKata.sln";

    /// <summary>The repository root at or above <paramref name="start"/>. Throws <see cref="GradingInputException"/>
    /// when there is none (then pass <c>--repo</c>).</summary>
    public static string Find(string start)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, MarkerFile)))
            {
                return folder.FullName;
            }
        }

        throw new GradingInputException(
            $"cannot find the MemKata repository: no {MarkerFile} in {Path.GetFullPath(start)} or any folder above it. " +
            "Run memkata from inside the repository, or give its folder with --repo DIR.");
    }
}
