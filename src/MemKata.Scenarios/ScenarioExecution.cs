using System.Globalization;
using MemKata.Contracts;
using MemKata.Engine.Kernel;
using MemKata.Engine.Units;
using MemKata.Scenarios.Wording;

namespace MemKata.Scenarios;

/// <summary>
/// Runs a scenario's steps, one at a time, on a machine whose processes are started, and says what came of each
/// (<see cref="StepOutcome"/>). A pointer keeps its address after <c>free</c>, as a C variable does: using it again is
/// what C does with a dangling pointer, on the simulated glibc and kernel (a double free aborts as glibc aborts, a touch
/// of a freed heap block silently writes into glibc's free lists, a touch of a freed mmapped block faults), and the
/// outcome says that the pointer was freed, and when.
/// </summary>
internal sealed class ScenarioExecution(Machine machine, Dictionary<string, SimProcess> processes)
{
    /// <summary>The most pages the touch steps of one run may touch in all: 12 GiB, one and a half times what the largest
    /// built-in scenario touches (8 GiB), a few seconds of simulated faults and a few hundred MB of real memory. A step
    /// that would go past it does not run.</summary>
    public const long MaxTouchedPages = 3L << 20;

    private readonly Dictionary<(string Process, string Name), Block> _pointers = [];
    private long _touchedPages;
    private int _index;

    // What a named pointer holds: its address and size, and the step that freed it (0 while it is live).
    private readonly record struct Block(ulong Address, ulong Size, int FreedAt);

    /// <summary>Runs step number <paramref name="index"/> and returns its outcome, with the machine's events around it.</summary>
    public StepOutcome Step(int index, ScenarioStep step)
    {
        _index = index;
        var before = machine.Events.LastSequence;
        var outcome = Outcome(index, step);
        return outcome with { EventsBefore = before, LastEvent = machine.Events.LastSequence, FreeFramesAfter = machine.Frames.FreeFrames };
    }

    private StepOutcome Outcome(int index, ScenarioStep step)
    {
        if (step is SleepStep)
        {
            machine.Idle();
            return new StepOutcome(index, step.Position, "", "sleep", StepOutcomeKind.Slept,
                Phrase.Of(machine.Kswapd.IsAwake ? PhraseKey.KswapdStillAwake : PhraseKey.KswapdAsleep, machine.Frames.FreeFrames), 0, 0);
        }

        var process = processes[step.Process];
        var action = Describe(step);
        if (!process.IsAlive)
        {
            return new StepOutcome(index, step.Position, step.Process, action, StepOutcomeKind.Skipped,
                Phrase.Of(PhraseKey.ProcessDead, process.KillReason is { } reason ? Phrase.Verbatim(reason) : Phrase.Of(PhraseKey.Exited)), 0, 0);
        }

        var minor = process.MinorFaults;
        var major = process.MajorFaults;
        var dangling = Dangling(process, step);
        (StepOutcomeKind Kind, Phrase Detail) result;
        try
        {
            result = Execute(process, step);
        }
        catch (SegmentationFaultException e)
        {
            machine.Kill(process, "SIGSEGV: " + e.Reason);
            result = (StepOutcomeKind.SegmentationFault, Phrase.Verbatim(e.Message));
        }
        catch (BusErrorException e)
        {
            machine.Kill(process, "SIGBUS: " + e.Reason);
            result = (StepOutcomeKind.BusError, Phrase.Verbatim(e.Message));
        }
        catch (HeapCorruptionException e)
        {
            machine.Kill(process, "SIGABRT: " + e.Message);
            result = (StepOutcomeKind.Aborted, Phrase.Verbatim(e.Message));
        }
        catch (ProcessKilledException e)
        {
            result = (StepOutcomeKind.Killed, Phrase.Verbatim(e.Reason));
        }

        if (dangling is { } note && result.Kind is not (StepOutcomeKind.Killed or StepOutcomeKind.TooMuchWork))
        {
            result.Detail = Phrase.Of(PhraseKey.WithNote, result.Detail, note);
        }

        return new StepOutcome(index, step.Position, step.Process, action, result.Kind, result.Detail,
            process.MinorFaults - minor, process.MajorFaults - major);
    }

    private (StepOutcomeKind, Phrase) Execute(SimProcess process, ScenarioStep step)
    {
        var malloc = process.Allocator!;
        switch (step)
        {
            case MallocStep s:
                return Store(process, s.As, malloc.Malloc(s.Size), s.Size);
            case CallocStep s:
                // calloc refuses a count × size that overflows; the product is only kept for a later touch.
                var bytes = s.Count != 0 && s.Size > ulong.MaxValue / s.Count ? ulong.MaxValue : s.Count * s.Size;
                return Store(process, s.As, malloc.Calloc(s.Count, s.Size), bytes);
            case ReallocStep s:
                var old = _pointers[(process.Name, s.Pointer)];
                var moved = malloc.Realloc(old.Address, s.Size);

                // realloc freed the old block if it moved it, or if the size is 0.
                if (old.Address != 0 && old.FreedAt == 0 && ((moved != 0 && moved != old.Address) || s.Size == 0))
                {
                    _pointers[(process.Name, s.Pointer)] = old with { FreedAt = _index };
                }

                return Store(process, s.As, moved, s.Size);
            case FreeStep s:
                var block = _pointers[(process.Name, s.Pointer)];
                malloc.Free(block.Address);
                if (block.Address != 0 && block.FreedAt == 0)
                {
                    _pointers[(process.Name, s.Pointer)] = block with { FreedAt = _index };
                }

                return (StepOutcomeKind.Done, Phrase.Of(PhraseKey.Done));
            case TouchStep s:
                return Touch(process, s);
            case MapFileStep s:
                var prot = s.Writable ? Protection.ReadWrite : Protection.Read;
                var mapped = process.Memory.MmapFile(s.Length, prot, s.File, s.Offset, s.Shared);
                if (mapped == Syscall.Failed)
                {
                    Store(process, s.As, Syscall.Null, s.Length);
                    return (StepOutcomeKind.Null, MmapError(process.Memory.LastError, s));
                }

                return Store(process, s.As, mapped, s.Length);
            case OomScoreAdjStep s:
                process.OomScoreAdj = s.Value;
                return (StepOutcomeKind.OomScoreChanged, Phrase.Of(PhraseKey.OomScoreNow, machine.OomKiller.OomScoreOf(process)));
            default:
                machine.Exit(process);
                return (StepOutcomeKind.Exited, Phrase.Of(PhraseKey.ExitedMemoryFree));
        }
    }

    private (StepOutcomeKind, Phrase) Touch(SimProcess process, TouchStep s)
    {
        var (address, size, _) = _pointers[(process.Name, s.Pointer)];
        if (address == Syscall.Null)
        {
            throw new SegmentationFaultException(0, s.Write, "the pointer is NULL (the allocation failed)");
        }

        // C's pointer arithmetic wraps at 2^64; the simulated access path then faults on the first page no mapping
        // covers, as a real one would. The end saturates instead of wrapping, so no touch silently does nothing.
        var length = s.Length ?? (size > s.Offset ? size - s.Offset : 0);
        var start = unchecked(address + s.Offset);
        var end = length > ulong.MaxValue - start ? ulong.MaxValue : start + length;
        var span = length == 0 ? 0 : ((end - 1) >> 12) - (start >> 12) + 1;
        if (span > (ulong)(MaxTouchedPages - _touchedPages))
        {
            return (StepOutcomeKind.TooMuchWork, Phrase.Of(PhraseKey.TooMuchWork, span, MaxTouchedPages,
                ByteSize.Format((ulong)MaxTouchedPages * MachineConfig.PageSize)));
        }

        var pages = 0L;
        for (var at = start; at < end;)
        {
            if (s.Write)
            {
                process.Memory.WriteByte(at, 1);
            }
            else
            {
                process.Memory.ReadByte(at);
            }

            pages++;
            _touchedPages++;
            var next = (at & ~(MachineConfig.PageSize - 1)) + MachineConfig.PageSize;
            if (next <= at)
            {
                break;
            }

            at = next;
        }

        return (StepOutcomeKind.Touched, Phrase.Of(s.Write ? PhraseKey.PagesWritten : PhraseKey.PagesRead, pages));
    }

    // A note for a step that uses a pointer already freed (free, realloc or touch of it): C lets a program do it, and
    // what happens is undefined: glibc may abort, the access may fault, or it may seem to work.
    private Phrase? Dangling(SimProcess process, ScenarioStep step)
    {
        var name = step switch
        {
            FreeStep s => s.Pointer,
            ReallocStep s => s.Pointer,
            TouchStep s => s.Pointer,
            _ => null,
        };
        if (name is null || !_pointers.TryGetValue((process.Name, name), out var block) || block.FreedAt == 0)
        {
            return null;
        }

        return Phrase.Of(step is FreeStep ? PhraseKey.DoubleFree : PhraseKey.UseAfterFree, name, block.FreedAt);
    }

    private static Phrase MmapError(Errno errno, MapFileStep step) => errno switch
    {
        Errno.EINVAL => Phrase.Of(step.Length == 0 ? PhraseKey.MmapZeroLength : PhraseKey.MmapUnalignedOffset),
        Errno.ENOMEM => Phrase.Of(PhraseKey.MmapNoRoom),
        _ => Phrase.Of(PhraseKey.MmapErrno, errno.ToString()),
    };

    private (StepOutcomeKind, Phrase) Store(SimProcess process, string name, ulong address, ulong size)
    {
        if (name.Length > 0)
        {
            _pointers[(process.Name, name)] = new Block(address, size, 0);
        }

        return address == Syscall.Null
            ? (StepOutcomeKind.Null, Phrase.Verbatim(""))
            : (StepOutcomeKind.Address, Phrase.Verbatim(HexFormat.Address(address)));
    }

    /// <summary>The step as the run reports it, a call: <c>p = malloc(1 MiB)</c>, <c>write p</c>, <c>free(p)</c>.</summary>
    public static string Describe(ScenarioStep step) => step switch
    {
        MallocStep s => Named(s.As, $"malloc({ByteSize.Format(s.Size)})"),
        CallocStep s => Named(s.As, $"calloc({s.Count}, {ByteSize.Format(s.Size)})"),
        ReallocStep s => Named(s.As, $"realloc({s.Pointer}, {ByteSize.Format(s.Size)})"),
        FreeStep s => $"free({s.Pointer})",
        TouchStep s => string.Create(CultureInfo.InvariantCulture,
            $"{(s.Write ? "write" : "read")} {s.Pointer}{(s.Offset > 0 ? "+" + ByteSize.Format(s.Offset) : "")}{(s.Length is { } l ? ", " + ByteSize.Format(l) : "")}"),
        MapFileStep s => Named(s.As, $"mmap({s.File}, {ByteSize.Format(s.Length)}, {(s.Shared ? "MAP_SHARED" : "MAP_PRIVATE")}{(s.Writable ? ", writable" : "")})"),
        OomScoreAdjStep s => $"oom_score_adj = {s.Value}",
        SleepStep => "sleep",
        _ => "exit",
    };

    private static string Named(string name, string call) => name.Length > 0 ? $"{name} = {call}" : call;
}
