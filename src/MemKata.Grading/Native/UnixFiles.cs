using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace MemKata.Grading.Native;

/// <summary>
/// What a path is, without following it, and opening it without ever blocking, on Linux: <c>statx</c> with
/// <c>AT_SYMLINK_NOFOLLOW</c> (its record has one layout on every architecture) and <c>open</c> with
/// <c>O_NOFOLLOW | O_NONBLOCK</c>, so a symbolic link is never followed and a FIFO never waits for a writer. Elsewhere
/// (macOS, Windows) the managed file APIs stand in: links are still refused, a FIFO is not told apart from a file.
/// </summary>
internal static class UnixFiles
{
    /// <summary>What a path names, as <c>lstat</c> sees it.</summary>
    public enum Kind
    {
        /// <summary>Nothing is there.</summary>
        Missing,

        /// <summary>A regular file.</summary>
        File,

        /// <summary>A folder.</summary>
        Directory,

        /// <summary>A symbolic link, wherever it points.</summary>
        SymbolicLink,

        /// <summary>A FIFO, a socket, a character or block device.</summary>
        Special,
    }

    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1;
    private const uint StatxSize = 0x200;
    private const int StatxBufferBytes = 256;
    private const int ModeOffset = 28;
    private const int SizeOffset = 40;
    private const int OReadOnly = 0;
    private const int ONonBlock = 0x800;
    private const int ONoFollow = 0x20000;
    private const int OCloseOnExec = 0x80000;

    /// <summary>True where the exact checks (statx, O_NOFOLLOW | O_NONBLOCK) are used.</summary>
    public static bool IsExact => OperatingSystem.IsLinux();

    /// <summary>What <paramref name="path"/> is, its last component not followed.</summary>
    public static Kind Probe(string path)
    {
        if (!IsExact)
        {
            return ProbeManaged(path);
        }

        var buffer = new byte[StatxBufferBytes];
        return statx(AtFdCwd, Utf8(path), AtSymlinkNoFollow, StatxType, buffer) == 0
            ? KindOf(BitConverter.ToUInt16(buffer, ModeOffset))
            : Kind.Missing;
    }

    /// <summary>Opens the regular file at <paramref name="path"/> for reading: never through a symbolic link, never
    /// waiting (a FIFO swapped in after <see cref="Probe"/> is refused, not waited on). Returns null when it is no longer
    /// a regular file or cannot be opened.</summary>
    public static SafeFileHandle? OpenRegular(string path)
    {
        if (!IsExact)
        {
            return ProbeManaged(path) == Kind.File ? File.OpenHandle(path) : null;
        }

        var fd = open(Utf8(path), OReadOnly | ONonBlock | ONoFollow | OCloseOnExec);
        if (fd < 0)
        {
            return null;
        }

        var handle = new SafeFileHandle((IntPtr)fd, ownsHandle: true);
        var buffer = new byte[StatxBufferBytes];
        if (statx(fd, [0], AtEmptyPath, StatxType | StatxSize, buffer) != 0 || KindOf(BitConverter.ToUInt16(buffer, ModeOffset)) != Kind.File)
        {
            handle.Dispose();
            return null;
        }

        return handle;
    }

    private static Kind KindOf(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => Kind.File,
        0x4000 => Kind.Directory,
        0xA000 => Kind.SymbolicLink,
        _ => Kind.Special,
    };

    private static Kind ProbeManaged(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            return Kind.SymbolicLink;
        }

        return Directory.Exists(path) ? Kind.Directory : info.Exists ? Kind.File : Kind.Missing;
    }

    private static byte[] Utf8(string path) => Encoding.UTF8.GetBytes(path + "\0");

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, byte[] path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", SetLastError = true)]
    private static extern int open(byte[] path, int flags);
}
