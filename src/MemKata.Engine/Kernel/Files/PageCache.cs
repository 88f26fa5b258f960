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
