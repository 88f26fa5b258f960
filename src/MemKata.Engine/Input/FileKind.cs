namespace MemKata.Engine.Input;

/// <summary>What a path names, as <c>stat</c>'s file type says (<c>S_IFMT</c>), or why it names nothing.</summary>
public enum FileKind
{
    /// <summary>A regular file: the only kind memkata reads.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A named pipe (FIFO): opening it waits for a writer, reading it may never end.</summary>
    Fifo,

    /// <summary>A character device such as <c>/dev/zero</c> or a terminal: endless, or interactive.</summary>
    CharacterDevice,

    /// <summary>A block device such as a disk.</summary>
    BlockDevice,

    /// <summary>A Unix socket.</summary>
    Socket,

    /// <summary>Nothing is there (ENOENT).</summary>
    Missing,

    /// <summary>A symbolic link, seen without following it (<see cref="FileStatus.OfEntry"/> only).</summary>
    SymbolicLink,

    /// <summary>A symbolic link whose target does not exist.</summary>
    DanglingLink,

    /// <summary>Symbolic links that never reach a file (ELOOP).</summary>
    LinkLoop,

    /// <summary>A part of the path before the last one is a file, not a folder (ENOTDIR).</summary>
    NotAFolderOnTheWay,

    /// <summary>A folder on the way cannot be searched (EACCES).</summary>
    PermissionDenied,

    /// <summary>The path, or one of its names, is longer than the system allows (ENAMETOOLONG).</summary>
    NameTooLong,

    /// <summary>Anything else the system said.</summary>
    Unknown,
}
