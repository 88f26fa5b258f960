using MemKata.Engine.Memory;

namespace MemKata.Cli.Replay;

/// <summary>How often one kind of memory system call was made, and how many of those calls failed.</summary>
internal sealed record SyscallTally(SyscallKind Kind, int Calls, int Failures)
{
    /// <summary>Counts the calls of every kind in <paramref name="log"/>, in the order of <see cref="SyscallKind"/>,
    /// kinds never called included (with zero).</summary>
    public static IReadOnlyList<SyscallTally> Count(IEnumerable<SyscallRecord> log)
    {
        var records = log.ToList();
        return Enum.GetValues<SyscallKind>()
            .Select(kind => new SyscallTally(
                kind,
                records.Count(r => r.Kind == kind),
                records.Count(r => r.Kind == kind && r.Error != MemKata.Contracts.Errno.None)))
            .ToList();
    }
}
