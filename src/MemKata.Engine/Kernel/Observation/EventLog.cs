using System.Globalization;
using System.Text;
using MemKata.Engine.Units;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The machine's deterministic event log: every event in order, up to a capacity (a long run keeps its first events and
/// counts the rest), so logs, snapshots and graders all read the same story.
/// </summary>
public sealed class EventLog
{
    private readonly List<KernelEvent> _events = [];
    private readonly Func<long>? _freePages;
    private long _sequence;
    private FaultRun? _faultRun;

    /// <summary>A log whose events carry no free-memory reading.</summary>
    public EventLog()
    {
    }

    /// <summary>A log that stamps every event with <paramref name="freePages"/>() at the moment it is logged
    /// (<see cref="KernelEvent.FreePages"/>); the machine passes its free list's count.</summary>
    public EventLog(Func<long> freePages)
    {
        ArgumentNullException.ThrowIfNull(freePages);
        _freePages = freePages;
    }

    /// <summary>The most events kept; later ones are only counted in <see cref="Dropped"/>.</summary>
    public int Capacity { get; set; } = 10_000;

    /// <summary>When false, page faults are counted but not logged (long runs fault millions of times).</summary>
    public bool LogFaults { get; set; } = true;

    /// <summary>The events kept, in order.</summary>
    public IReadOnlyList<KernelEvent> Events => _events;

    /// <summary>Events not kept because the log was full.</summary>
    public long Dropped { get; private set; }

    /// <summary>The sequence number of the latest event, kept or not (0 before the first): an event numbered above a value
    /// read earlier happened after that read.</summary>
    public long LastSequence => _sequence;

    /// <summary>True when an event added now would be kept: callers skip formatting text otherwise.</summary>
    public bool HasRoom => _events.Count < Capacity;

    /// <summary>Appends an event.</summary>
    public void Add(int pid, KernelEventKind kind, string text)
    {
        _sequence++;
        if (_events.Count < Capacity)
        {
            _events.Add(new KernelEvent(_sequence, pid, kind, text, FreePagesNow));
        }
        else
        {
            Dropped++;
        }
    }

    /// <summary>
    /// Logs a page fault; a fault of the same process, kind and access on the page right after the previous fault's run
    /// extends that event instead ("write 0x1000 .. 0x4fff, 4 pages"), so that touching a large block reads as one line.
    /// </summary>
    public void AddFault(int pid, KernelEventKind kind, string verb, ulong pageAddress, ulong pageSize)
    {
        if (_faultRun is { } run && _events.Count > 0 && ReferenceEquals(_events[^1], run.Event) && run.Pid == pid
            && run.Kind == kind && run.Verb == verb && run.End == pageAddress)
        {
            var pages = run.Pages + 1;
            var extended = run.Event with { Text = FaultText(verb, run.Start, pageAddress + pageSize, pages), FreePages = FreePagesNow };
            _events[^1] = extended;
            _faultRun = run with { Event = extended, End = pageAddress + pageSize, Pages = pages };
            return;
        }

        if (!HasRoom)
        {
            CountDropped();
            return;
        }

        Add(pid, kind, FaultText(verb, pageAddress, pageAddress + pageSize, 1));
        _faultRun = new FaultRun(_events[^1], pid, kind, verb, pageAddress, pageAddress + pageSize, 1);
    }

    /// <summary>Ends the current run of faults: the next fault gets an event of its own even if it continues the last
    /// one (e.g. at a step boundary, so that each step's faults are its own events).</summary>
    public void EndFaultRun() => _faultRun = null;

    /// <summary>Counts an event that was not worth formatting because the log is full.</summary>
    public void CountDropped()
    {
        _sequence++;
        Dropped++;
    }

    /// <summary>The whole log as text, one event per line.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        foreach (var e in _events)
        {
            text.Append(e).Append('\n');
        }

        if (Dropped > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"... {Dropped} more events not kept (capacity {Capacity})\n");
        }

        return text.ToString();
    }

    private long FreePagesNow => _freePages is null ? -1 : _freePages();

    private static string FaultText(string verb, ulong start, ulong end, long pages) => pages == 1
        ? verb + " " + HexFormat.Address(start)
        : string.Create(CultureInfo.InvariantCulture, $"{verb} {HexFormat.Range(start, end)}, {pages} pages");

    private sealed record FaultRun(KernelEvent Event, int Pid, KernelEventKind Kind, string Verb, ulong Start, ulong End, long Pages);
}
