namespace MemKata.Engine.Memory;

/// <summary>Page arithmetic, named once (the PGROUNDUP/PGROUNDDOWN of xv6). All functions take a power-of-two page size.</summary>
public static class PageMath
{
    /// <summary>Rounds <paramref name="value"/> down to a multiple of <paramref name="pageSize"/>.</summary>
    public static ulong RoundDown(ulong value, ulong pageSize) => value & ~(pageSize - 1);

    /// <summary>Rounds <paramref name="value"/> up to a multiple of <paramref name="pageSize"/>; wraps to 0 past the top.</summary>
    public static ulong RoundUp(ulong value, ulong pageSize) => (value + pageSize - 1) & ~(pageSize - 1);

    /// <summary>True if <paramref name="value"/> is a multiple of <paramref name="pageSize"/>.</summary>
    public static bool IsAligned(ulong value, ulong pageSize) => (value & (pageSize - 1)) == 0;
}
