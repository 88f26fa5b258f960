using MemKata.Contracts.Kernel;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The page cache: the frames that hold pages of files, found by (file, page index), and the simulated files themselves
/// with their on-disk contents. A file page is read from disk into a cache frame on first use (a major fault), shared by
/// every process that maps it, written back to disk when dirty, and dropped when reclaim needs the frame.
/// </summary>
public sealed class PageCache
{
    private readonly Dictionary<(int File, long Index), FrameNumber> _cached = [];
    private readonly List<SimulatedFile> _files = [];
    private readonly Dictionary<string, SimulatedFile> _byName = new(StringComparer.Ordinal);

    /// <summary>Pages in the cache (Cached in pages).</summary>
    public int CachedPages => _cached.Count;

    /// <summary>The files on the simulated disk, in creation order.</summary>
    public IReadOnlyList<SimulatedFile> Files => _files;

    /// <summary>Creates a file of <paramref name="sizeBytes"/> bytes whose contents read as zeros until written.</summary>
    public SimulatedFile CreateFile(string name, ulong sizeBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (_byName.ContainsKey(name))
        {
            throw new ArgumentException($"PageCache.CreateFile: a file named '{name}' already exists", nameof(name));
        }

        var file = new SimulatedFile(_files.Count, name, sizeBytes);
        _files.Add(file);
        _byName.Add(name, file);
        return file;
    }

    /// <summary>The file named <paramref name="name"/>, or null.</summary>
    public SimulatedFile? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The file with id <paramref name="id"/>.</summary>
    public SimulatedFile File(int id) => _files[id];

    /// <summary>The frame caching page <paramref name="index"/> of <paramref name="file"/>, or null on a miss.</summary>
    public FrameNumber? Lookup(SimulatedFile file, long index) =>
        _cached.TryGetValue((file.Id, index), out var frame) ? frame : null;

    /// <summary>Records that <paramref name="frame"/> now caches page <paramref name="index"/> of <paramref name="file"/>.</summary>
    public void Insert(SimulatedFile file, long index, FrameNumber frame)
    {
        if (!_cached.TryAdd((file.Id, index), frame))
        {
            throw new InvalidOperationException($"PageCache.Insert: page {index} of '{file.Name}' is already cached");
        }
    }

    /// <summary>Forgets the cached page <paramref name="index"/> of file <paramref name="fileId"/>.</summary>
    public void Remove(int fileId, long index)
    {
        if (!_cached.Remove((fileId, index)))
        {
            throw new InvalidOperationException($"PageCache.Remove: page {index} of file {fileId} is not cached");
        }
    }
}

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
