using System.Globalization;
using System.Text;

namespace MemKata.Engine.Input;

/// <summary>
/// Opens a file a user named (a trace, a scenario) for reading, after making sure it is a regular file: a FIFO would
/// block forever, <c>/dev/zero</c> never ends, a folder or a loop of symbolic links cannot be read. Every refusal is an
/// <see cref="InputFileException"/> whose message says, for the user, what the path is and what was expected:
/// <c>cannot read trace 'x.rep': it is a named pipe (FIFO), not a regular file</c>.
/// </summary>
public static class InputFile
{
    /// <summary>
    /// Opens the regular file at <paramref name="path"/> as UTF-8 text. <paramref name="what"/> names what the file
    /// should hold (<c>trace</c>, <c>scenario</c>) and <paramref name="expected"/> what kind of file that is (<c>a .rep
    /// file</c>), for messages; a file larger than <paramref name="maxBytes"/> is refused before any of it is read.
    /// </summary>
    /// <exception cref="InputFileException">The path names nothing readable, or something other than a regular file,
    /// or a file that is too large.</exception>
    public static StreamReader OpenText(string path, string what, string expected, long maxBytes = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(what);
        ArgumentNullException.ThrowIfNull(expected);
        var shown = InputText.Escape(path);
        string Refuse(string why) => $"cannot read {what} '{shown}': {why}";
        if (path.Length == 0)
        {
            throw new InputFileException(Refuse($"the path is empty; give the {what} file's path, e.g. {expected}"));
        }

        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new InputFileException(Refuse("the path contains a NUL character, which no file name can hold"));
        }

        var full = Path.GetFullPath(path);
        var (kind, size) = FileStatus.Of(full);
        var problem = kind switch
        {
            FileKind.Regular when size > maxBytes => string.Create(CultureInfo.InvariantCulture,
                $"it is {size} bytes, and a {what} file is at most {maxBytes} bytes; is it the right file?"),
            FileKind.Regular => null,
            FileKind.Directory => $"it is a folder, not a {what} file (expected {expected})",
            _ => WhyNot(kind, full),
        };
        if (problem is not null)
        {
            throw new InputFileException(Refuse(problem));
        }

        try
        {
            var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
            return new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true);
        }
        catch (UnauthorizedAccessException)
        {
            throw new InputFileException(Refuse("permission denied (check the file's permissions)"));
        }
        catch (IOException e)
        {
            throw new InputFileException(Refuse(e.Message));
        }
    }

    /// <summary>Why the path <paramref name="full"/>, of kind <paramref name="kind"/> (neither a regular file nor a
    /// folder), cannot be used, in a phrase for a message.</summary>
    internal static string WhyNot(FileKind kind, string full) => kind switch
    {
        FileKind.Fifo => "it is a named pipe (FIFO), not a regular file: memkata reads and writes only regular files, " +
            "which cannot keep it waiting",
        FileKind.CharacterDevice => "it is a character device (such as /dev/zero or a terminal), not a regular file",
        FileKind.BlockDevice => "it is a block device (a disk), not a regular file",
        FileKind.Socket => "it is a socket, not a regular file",
        FileKind.Missing => $"no such file (looked for {InputText.Escape(full)}); check the path and the current folder",
        FileKind.DanglingLink => $"it is a symbolic link to {InputText.Quote(LinkTarget(full))}, which does not exist",
        FileKind.LinkLoop => "it is a symbolic link that never reaches a file (the links form a loop)",
        FileKind.NotAFolderOnTheWay => "a part of the path before the file name is a file, not a folder",
        FileKind.PermissionDenied => "permission denied (a folder on the way cannot be searched)",
        FileKind.NameTooLong => "the path, or a name in it, is longer than the system allows",
        _ => "it is not a regular file",
    };

    private static string LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget ?? "?";
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
