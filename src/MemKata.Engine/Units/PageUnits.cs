namespace MemKata.Engine.Units;

/// <summary>
/// Pages, bytes and kilobytes, named once. Every simulated architecture has 4 KiB pages; Linux reports memory in
/// kilobytes (KiB, though /proc writes "kB"), so a page is <see cref="KilobytesPerPage"/> kB everywhere a count of pages
/// is printed: /proc/meminfo, /proc/PID/status, the OOM killer's kill line, pgpgin and pgpgout.
/// </summary>
public static class PageUnits
{
    /// <summary>Bytes in a kilobyte as the kernel counts them (1 kB = 1 KiB = 1024 bytes).</summary>
    public const ulong BytesPerKilobyte = 1024;

    /// <summary>log2 of the page size.</summary>
    public const int PageShift = 12;

    /// <summary>Bytes in a page: 4096.</summary>
    public const ulong PageSize = 1UL << PageShift;

    /// <summary>Kilobytes in a page: 4.</summary>
    public const long KilobytesPerPage = (long)(PageSize / BytesPerKilobyte);

    /// <summary><paramref name="pages"/> pages in kilobytes (<c>K(x)</c> of fs/proc/meminfo.c: x &lt;&lt; (PAGE_SHIFT - 10)).</summary>
    public static long PagesToKilobytes(long pages) => pages * KilobytesPerPage;

    /// <summary><paramref name="kilobytes"/> in whole pages, rounding down (a sysctl in kB read as pages).</summary>
    public static ulong KilobytesToPages(ulong kilobytes) => kilobytes / (ulong)KilobytesPerPage;

    /// <summary><paramref name="bytes"/> in whole kilobytes, rounding down.</summary>
    public static ulong BytesToKilobytes(ulong bytes) => bytes / BytesPerKilobyte;

    /// <summary><paramref name="pages"/> pages in bytes.</summary>
    public static ulong PagesToBytes(ulong pages) => pages << PageShift;

    /// <summary>How many whole pages <paramref name="bytes"/> holds, rounding down.</summary>
    public static ulong BytesToPages(ulong bytes) => bytes >> PageShift;
}
