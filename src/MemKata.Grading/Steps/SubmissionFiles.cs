using System.Text;
using MemKata.Engine.Input;
using MemKata.Grading.Layout;
using MemKata.Grading.Model;

namespace MemKata.Grading.Steps;

/// <summary>
/// Step 1, collect: the learner's files, exactly those <c>files.solution</c> lists, read from a submission folder. A
/// listed file is found at its path in the folder or, for uploads that flatten folders, by its name at the top, or else
/// wherever it sits below (a Classroom clone's <c>exercises/SLUG/</c>, a zipped repository: <see cref="SubmissionSearch"/>;
/// none or several is a problem listing what was found); anything else in the folder is ignored. Each must be a regular file inside the folder (no symbolic link, wherever it points;
/// no FIFO, socket or device, which are never opened; no folder of that name), UTF-8 text without NUL bytes, at most
/// <see cref="MaxFileBytes"/>, all of them together at most <see cref="MaxTotalBytes"/>. Whatever is wrong becomes a
/// <see cref="SourceProblem"/> naming the file (never its content, its length or where a link points), not an
/// exception.
/// </summary>
public static class SubmissionFiles
{
    /// <summary>The problem id of a declared file that is missing or cannot be taken.</summary>
    public const string MissingFileId = "MKG001";

    /// <summary>The most one source file may hold.</summary>
    public const int MaxFileBytes = 256 * 1024;

    /// <summary>The most the declared files may hold together.</summary>
    public const int MaxTotalBytes = 1024 * 1024;

    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the solution files of <paramref name="config"/> from <paramref name="submissionDirectory"/>: the
    /// files found (path as declared, text) and the problems met.</summary>
    public static (IReadOnlyList<(string Path, string Text)> Files, IReadOnlyList<SourceProblem> Problems) Collect(
        ExerciseConfig config, string submissionDirectory)
    {
        ArgumentNullException.ThrowIfNull(config);
        var root = Path.GetFullPath(submissionDirectory);
        var files = new List<(string, string)>();
        var problems = new List<SourceProblem>();
        var total = 0;
        foreach (var declared in config.Files.Solution)
        {
            var (text, problem) = Read(root, config.Slug, declared, MaxTotalBytes - total);
            if (problem is not null)
            {
                problems.Add(new SourceProblem(declared, null, null, MissingFileId, problem, true));
                continue;
            }

            total += _strictUtf8.GetByteCount(text!);
            files.Add((declared, text!));
        }

        return (files, problems);
    }

    // The declared file's text, or why it cannot be taken. The nested place wins over the flat one when both exist, and
    // either over a search of the whole submission (SubmissionSearch), whose match is then reached the same careful way.
    private static (string? Text, string? Problem) Read(string root, string slug, string declared, int budget)
    {
        var name = Path.GetFileName(declared);
        var nested = Locate(root, declared);
        var flat = Locate(root, name);
        var (path, kind) = nested.Kind != FileKind.Missing ? nested : flat;
        if (kind == FileKind.Missing)
        {
            var (found, problem) = SubmissionSearch.Find(root, slug, declared);
            if (found is null)
            {
                return (null, problem);
            }

            (path, kind) = Locate(root, found);
        }

        switch (kind)
        {
            case FileKind.Missing:
                return (null, $"missing: this exercise grades {declared} (\"files.solution\" in the exercise's config) and the " +
                    $"submission has no such file. Submit your {name} with that exact name.");
            case FileKind.Directory:
                return (null, $"is a folder, not a file: submit your {name} itself.");
            case FileKind.SymbolicLink:
                return (null, "is a symbolic link (or lies in a linked folder): submit the file itself, not a link to it.");
            case FileKind.Regular:
                break;
            default:
                return (null, "is not a regular file (a pipe, a socket or a device): submit the source file itself.");
        }

        using var handle = FileStatus.OpenRegular(path!);
        if (handle is null)
        {
            return (null, "cannot be read as a regular file: submit the source file itself.");
        }

        var limit = Math.Min(MaxFileBytes, budget);
        var bytes = new byte[limit + 1];
        var length = 0;
        int read;
        while (length < bytes.Length && (read = RandomAccess.Read(handle, bytes.AsSpan(length), length)) > 0)
        {
            length += read;
        }

        if (length > limit)
        {
            return (null, limit == MaxFileBytes
                ? $"too large: more than the {MaxFileBytes / 1024} KiB a source file may have here. Is it the right file?"
                : $"too large: the submission's files together hold more than the {MaxTotalBytes / 1024} KiB allowed here.");
        }

        return Decode(bytes.AsSpan(0, length));
    }

    // Walks from the submission folder down to the file, one component at a time, without following any link: a folder
    // on the way that is a link (or anything but a folder) makes the file unreachable from inside the submission.
    private static (string? Path, FileKind Kind) Locate(string root, string relative)
    {
        var parts = relative.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts.Any(p => p is "." or ".."))
        {
            return (null, FileKind.Missing);
        }

        var path = root;
        for (var i = 0; i < parts.Length; i++)
        {
            path = Path.Combine(path, parts[i]);
            var kind = FileStatus.OfEntry(path);
            if (i == parts.Length - 1 || kind == FileKind.Missing)
            {
                return (path, kind);
            }

            if (kind != FileKind.Directory)
            {
                return (path, kind == FileKind.SymbolicLink ? kind : FileKind.Missing);
            }
        }

        return (path, FileKind.Missing);
    }

    private static (string? Text, string? Problem) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        if (bytes.Contains((byte)0))
        {
            return (null, "is not a text file (it holds a NUL byte): submit the C# source file, saved as UTF-8.");
        }

        try
        {
            return (_strictUtf8.GetString(bytes), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, "is not UTF-8 text: save it as UTF-8 (any editor can) and submit it again.");
        }
    }
}
