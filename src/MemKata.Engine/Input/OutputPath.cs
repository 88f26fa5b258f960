namespace MemKata.Engine.Input;

/// <summary>
/// Checks, before any work starts, that a place a user named for memkata's output can take it: a file to write (a
/// report) or a folder to fill (a starter repository). A folder where a file is expected, a FIFO or a device (writing
/// to one blocks or vanishes), a path under a file, or a folder that takes no new file (such as <c>/proc</c>) is
/// refused with an <see cref="InputFileException"/> whose message names the path and the reason, so that an hour of
/// grading is never lost to an output that cannot be written.
/// </summary>
public static class OutputPath
{
    /// <summary>Checks that a file can be written at <paramref name="path"/> (replacing the one there, if any);
    /// <paramref name="action"/> says what is written, for messages: <c>cannot write the report to 'x': ...</c>.</summary>
    /// <exception cref="InputFileException">The path cannot take the file.</exception>
    public static void CheckFile(string path, string action)
    {
        var full = Full(path, action);
        var (kind, _) = FileStatus.Of(full);
        var problem = kind switch
        {
            FileKind.Regular or FileKind.Missing => CanCreateIn(full),
            FileKind.Directory => "it is a folder; give the path of a file, e.g. " +
                InputText.Escape(Path.Combine(path, "report.txt")),
            _ => InputFile.WhyNot(kind, full),
        };
        if (problem is not null)
        {
            throw new InputFileException($"cannot {action} '{InputText.Escape(path)}': {problem}");
        }
    }

    /// <summary>Checks that <paramref name="path"/> is a folder memkata can fill, or a place where one can be created;
    /// whether it is empty is the caller's to say.</summary>
    /// <exception cref="InputFileException">The path cannot take the folder.</exception>
    public static void CheckFolder(string path, string action)
    {
        var full = Full(path, action);
        var (kind, _) = FileStatus.Of(full);
        var problem = kind switch
        {
            FileKind.Directory => null,
            FileKind.Missing => CanCreateIn(full),
            FileKind.Regular => "it is a file, not a folder: give a new or empty folder",
            _ => InputFile.WhyNot(kind, full),
        };
        if (problem is not null)
        {
            throw new InputFileException($"cannot {action} '{InputText.Escape(path)}': {problem}");
        }
    }

    private static string Full(string path, string action)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(action);
        return path.Length == 0 || path.Contains('\0', StringComparison.Ordinal)
            ? throw new InputFileException($"cannot {action} '{InputText.Escape(path)}': the path is empty or holds a NUL character")
            : Path.GetFullPath(path);
    }

    // The nearest folder that exists above the path must take a new file (what is missing below it is created then).
    private static string? CanCreateIn(string full)
    {
        var folder = Path.GetDirectoryName(full);
        while (folder is not null && !Directory.Exists(folder))
        {
            if (File.Exists(folder))
            {
                return "a part of the path before the file name is a file, not a folder";
            }

            folder = Path.GetDirectoryName(folder);
        }

        if (folder is null)
        {
            return "no folder on the path exists";
        }

        var probe = Path.Combine(folder, $".memkata-probe-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"the folder {InputText.Quote(folder)} does not take new files ({InputText.Escape(e.Message)})";
        }
    }
}
