using MemKata.Contracts.Kernel;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The four LRU lists (active and inactive, anonymous and file) that order every reclaimable frame, youngest at the
/// head, oldest at the tail. They are intrusive doubly linked lists over frame numbers, so adding, removing and moving a
/// page cost O(1) and no allocation.
/// </summary>
public sealed class LruLists
{
    private const int None = -1;
    private const sbyte NotListed = -1;

    private int[] _prev;
    private int[] _next;
    private sbyte[] _on;
    private readonly int[] _head = [None, None, None, None];
    private readonly int[] _tail = [None, None, None, None];
    private readonly long[] _count = new long[4];

    /// <summary>Creates empty lists for frames 0 .. <paramref name="frames"/> - 1; <see cref="Grow"/> makes room for more.</summary>
    public LruLists(int frames)
    {
        _prev = new int[frames];
        _next = new int[frames];
        _on = new sbyte[frames];
        Array.Fill(_on, NotListed);
    }

    /// <summary>Makes room for frames up to <paramref name="frames"/> - 1 (as physical memory's bookkeeping grows).</summary>
    public void Grow(int frames)
    {
        var old = _on.Length;
        if (frames <= old)
        {
            return;
        }

        Array.Resize(ref _prev, frames);
        Array.Resize(ref _next, frames);
        Array.Resize(ref _on, frames);
        _on.AsSpan(old).Fill(NotListed);
    }

    /// <summary>Pages on <paramref name="list"/>.</summary>
    public long Count(LruList list) => _count[(int)list];

    /// <summary>The list <paramref name="frame"/> is on, or null.</summary>
    public LruList? ListOf(FrameNumber frame) =>
        frame.Value >= _on.Length || _on[frame.Value] == NotListed ? null : (LruList)_on[frame.Value];

    /// <summary>The oldest page of <paramref name="list"/>, or null when it is empty.</summary>
    public FrameNumber? Tail(LruList list) => _tail[(int)list] == None ? null : new FrameNumber(_tail[(int)list]);

    /// <summary>Puts an unlisted <paramref name="frame"/> at the head of <paramref name="list"/>.</summary>
    public void AddHead(FrameNumber frame, LruList list)
    {
        var f = frame.Value;
        if (_on[f] != NotListed)
        {
            throw new InvalidOperationException($"LruLists.AddHead: {frame} is already on {(LruList)_on[f]}");
        }

        var l = (int)list;
        _prev[f] = None;
        _next[f] = _head[l];
        if (_head[l] != None)
        {
            _prev[_head[l]] = f;
        }
        else
        {
            _tail[l] = f;
        }

        _head[l] = f;
        _on[f] = (sbyte)l;
        _count[l]++;
    }

    /// <summary>Takes <paramref name="frame"/> off its list; a frame on no list is a bug and throws.</summary>
    public void Remove(FrameNumber frame)
    {
        var f = frame.Value;
        var l = _on[f];
        if (l == NotListed)
        {
            throw new InvalidOperationException($"LruLists.Remove: {frame} is on no LRU list");
        }

        if (_prev[f] != None)
        {
            _next[_prev[f]] = _next[f];
        }
        else
        {
            _head[l] = _next[f];
        }

        if (_next[f] != None)
        {
            _prev[_next[f]] = _prev[f];
        }
        else
        {
            _tail[l] = _prev[f];
        }

        _on[f] = NotListed;
        _count[l]--;
    }

    /// <summary>Moves <paramref name="frame"/> to the head of <paramref name="list"/> (which may be its own list).</summary>
    public void MoveToHead(FrameNumber frame, LruList list)
    {
        Remove(frame);
        AddHead(frame, list);
    }

    /// <summary>The frames of <paramref name="list"/>, head (youngest) first.</summary>
    public IEnumerable<FrameNumber> Enumerate(LruList list)
    {
        for (var f = _head[(int)list]; f != None; f = _next[f])
        {
            yield return new FrameNumber(f);
        }
    }
}
