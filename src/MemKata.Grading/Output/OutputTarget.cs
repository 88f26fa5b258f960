namespace MemKata.Grading.Output;

/// <summary>Checks an output path (<c>--output</c>) before any grading starts, so that an hour of class grading never
/// ends in "cannot write": it must not be a folder, and a file must be creatable in its folder (created if missing).</summary>
public static class OutputTarget
{
    /// <summary>Throws <see cref="GradingInputException"/> saying why <paramref name="path"/> cannot be written.</summary>
    public static void Check(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new GradingInputException($"cannot write {path}: it is a folder. Give a file name, e.g. {Path.Combine(path, "results.json")}.");
        }

        var folder = Path.GetDirectoryName(full)!;
        var probe = Path.Combine(folder, $".memkata-write-check-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(folder);
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GradingInputException($"cannot write {path}: {e.Message}", e);
        }
    }
}
