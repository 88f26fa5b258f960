using MemKata.Engine.Units;

namespace MemKata.Engine.Kernel;

/// <summary>A file on the simulated disk: a name, a size, and the pages that were ever written back (others read as zeros).</summary>
public sealed class SimulatedFile
{
    private readonly Dictionary<long, byte[]> _disk = [];

    /// <summary>Creates an empty file; use <see cref="PageCache.CreateFile"/>.</summary>
    internal SimulatedFile(int id, string name, ulong sizeBytes)
    {
        Id = id;
        Name = name;
        SizeBytes = sizeBytes;
    }

    /// <summary>The file's number on the disk.</summary>
    public int Id { get; }

    /// <summary>The file's name.</summary>
    public string Name { get; }

    /// <summary>The file's size in bytes.</summary>
    public ulong SizeBytes { get; }

    /// <summary>Pages the file spans: its size rounded up to pages (the last may be partly past the end of the file).</summary>
    public ulong Pages => (SizeBytes / PageUnits.PageSize) + (SizeBytes % PageUnits.PageSize == 0 ? 0UL : 1UL);

    /// <summary>Pages written back to disk so far.</summary>
    public long PagesWritten { get; private set; }

    /// <summary>Reads page <paramref name="index"/> from disk into <paramref name="destination"/>.</summary>
    public void ReadPage(long index, Span<byte> destination)
    {
        if (_disk.TryGetValue(index, out var page))
        {
            page.CopyTo(destination);
        }
        else
        {
            destination.Clear();
        }
    }

    /// <summary>Writes <paramref name="source"/> to disk as page <paramref name="index"/>.</summary>
    public void WritePage(long index, ReadOnlySpan<byte> source)
    {
        _disk[index] = source.ToArray();
        PagesWritten++;
    }
}
