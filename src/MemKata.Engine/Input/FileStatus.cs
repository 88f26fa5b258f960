using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace MemKata.Engine.Input;

/// <summary>
/// The one place memkata asks the kernel what a path is, with Linux's <c>statx(2)</c> (whose record has the same layout
/// on every architecture). .NET tells folders from files but not a FIFO or a device from a regular file, and opening a
/// FIFO blocks until a writer comes: this asks before opening. Two views: <see cref="Of"/> follows symbolic links as
/// <c>open</c> would (the user's own input files), <see cref="OfEntry"/> and <see cref="OpenRegular"/> never follow one
/// (a learner's submission, where a link could lead outside it). Elsewhere than on Linux, it falls back on what .NET can
/// tell (folder, file, link or nothing).
/// </summary>
public static class FileStatus
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1;
    private const uint StatxSize = 0x200;

    private const int OReadOnly = 0;
    private const int ONonBlock = 0x800;
    private const int ONoFollow = 0x20000;
    private const int OCloseOnExec = 0x80000;

    private const int Enoent = 2;
    private const int Eacces = 13;
    private const int Enotdir = 20;
    private const int Enametoolong = 36;
    private const int Eloop = 40;

    private const int TypeMask = 0xF000;
    private const int LinkType = 0xA000;

    /// <summary>What <paramref name="path"/> names, and its size in bytes for a regular file (0 otherwise).</summary>
    public static (FileKind Kind, long Size) Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsLinux() && TryStatx(path, follow: true, out var buffer, out var errno) == true)
        {
            if (errno != 0)
            {
                return (Failure(path, errno), 0);
            }

            var kind = KindOf(buffer.Mode);
            return (kind, kind == FileKind.Regular ? (long)Math.Min(buffer.Size, long.MaxValue) : 0);
        }

        return (FallbackKind(path), File.Exists(path) ? new FileInfo(path).Length : 0);
    }

    /// <summary>What <paramref name="path"/> itself is, as <c>lstat</c> sees it: a symbolic link is
    /// <see cref="FileKind.SymbolicLink"/> wherever it points, and any failure to look reads as
    /// <see cref="FileKind.Missing"/>.</summary>
    public static FileKind OfEntry(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsLinux() && TryStatx(path, follow: false, out var buffer, out var errno) == true)
        {
            return errno != 0 ? FileKind.Missing : (buffer.Mode & TypeMask) == LinkType ? FileKind.SymbolicLink : KindOf(buffer.Mode);
        }

        return new FileInfo(path).LinkTarget is not null ? FileKind.SymbolicLink : FallbackKind(path);
    }

    /// <summary>Opens the regular file at <paramref name="path"/> for reading, never through a symbolic link and never
    /// waiting: <c>open</c> with <c>O_NOFOLLOW | O_NONBLOCK</c>, then the open file itself is checked (<c>fstat</c>), so
    /// a FIFO or a link swapped in after <see cref="OfEntry"/> is refused, not followed or waited on. Returns null when
    /// the path is not a regular file or cannot be opened.</summary>
    public static SafeFileHandle? OpenRegular(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux())
        {
            return OfEntry(path) == FileKind.Regular ? File.OpenHandle(path) : null;
        }

        var fd = NativeMethods.Open(path, OReadOnly | ONonBlock | ONoFollow | OCloseOnExec);
        if (fd < 0)
        {
            return null;
        }

        var handle = new SafeFileHandle((nint)fd, ownsHandle: true);
        var buffer = default(StatxBuffer);
        if (NativeMethods.StatxOfDescriptor(fd, "", AtEmptyPath, StatxType | StatxSize, ref buffer) != 0
            || KindOf(buffer.Mode) != FileKind.Regular)
        {
            handle.Dispose();
            return null;
        }

        return handle;
    }

    private static FileKind Failure(string path, int errno) => errno switch
    {
        // A link that exists but leads nowhere deserves its own message.
        Enoent => TryStatx(path, follow: false, out var link, out var linkErrno) == true && linkErrno == 0
            && (link.Mode & TypeMask) == LinkType ? FileKind.DanglingLink : FileKind.Missing,
        Eloop => FileKind.LinkLoop,
        Enotdir => FileKind.NotAFolderOnTheWay,
        Eacces => FileKind.PermissionDenied,
        Enametoolong => FileKind.NameTooLong,
        _ => FileKind.Unknown,
    };

    private static FileKind KindOf(ushort mode) => (mode & TypeMask) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0x1000 => FileKind.Fifo,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0xC000 => FileKind.Socket,
        _ => FileKind.Unknown,
    };

    private static FileKind FallbackKind(string path) =>
        Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;

    // Null when statx cannot be called here (an old C library): the caller falls back on .NET.
    private static bool? TryStatx(string path, bool follow, out StatxBuffer buffer, out int errno)
    {
        buffer = default;
        errno = 0;
        try
        {
            if (NativeMethods.Statx(AtFdCwd, path, follow ? 0 : AtSymlinkNoFollow, StatxType | StatxSize, ref buffer) != 0)
            {
                errno = Marshal.GetLastPInvokeError();
            }

            return true;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    // struct statx of <linux/stat.h>: 256 bytes, the same layout on every architecture.
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(40)]
        public ulong Size;
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        public static extern int Statx(
            int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, ref StatxBuffer buffer);

        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        public static extern int StatxOfDescriptor(
            int fd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, ref StatxBuffer buffer);

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
    }
}
