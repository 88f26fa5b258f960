namespace MemKata.Grading.Similarity;

/// <summary>One C# source file given to the similarity check: a name to show in reports and its text.</summary>
/// <param name="Path">The file's name as reports show it (the declared path, e.g. <c>Allocator.cs</c>); never opened.</param>
/// <param name="Text">The file's whole text.</param>
public sealed record SimilaritySource(string Path, string Text)
{
    /// <summary>The sources of the files at <paramref name="paths"/>, named by their file name; throws
    /// <see cref="GradingInputException"/> naming a file that does not exist.</summary>
    public static IReadOnlyList<SimilaritySource> Read(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return [.. paths.Select(path => File.Exists(path)
            ? new SimilaritySource(System.IO.Path.GetFileName(path), File.ReadAllText(path))
            : throw new GradingInputException($"{path} is missing: the similarity check needs it."))];
    }
}
