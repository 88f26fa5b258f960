namespace MemKata.Engine.Traces;

/// <summary>
/// The replay's pointer slots, one per block id, as malloclab's driver keeps them, with the chunk each block got when it
/// was handed out (read then: the memory may be gone by the time a later operation wants to show it). Slots exist only
/// for the ids a trace uses, so a header declaring two billion ids costs nothing: ids below
/// <see cref="DenseLimit"/> live in an array grown on demand, larger ones in a dictionary.
/// </summary>
internal sealed class BlockSlots
{
    /// <summary>Ids below this are kept in an array (at most 16 MiB of it); the rest in a dictionary.</summary>
    public const int DenseLimit = 1 << 20;

    private readonly Dictionary<int, Slot> _sparse = [];
    private Slot[] _dense = new Slot[64];

    /// <summary>What one id holds: its pointer (0 for none) and the chunk it was handed out in.</summary>
    public record struct Slot(ulong Pointer, ulong ChunkSize, bool Mmapped);

    /// <summary>The slot of <paramref name="id"/> (empty if it was never set).</summary>
    public Slot this[int id]
    {
        get => id < _dense.Length ? _dense[id] : _sparse.GetValueOrDefault(id);
        set
        {
            if (id < _dense.Length)
            {
                _dense[id] = value;
            }
            else if (id < DenseLimit)
            {
                Array.Resize(ref _dense, (int)Math.Min(DenseLimit, Math.Max(2L * _dense.Length, id + 1L)));
                _dense[id] = value;
            }
            else
            {
                _sparse[id] = value;
            }
        }
    }
}
