using MemKata.Engine.Memory;

namespace MemKata.Engine.Kernel;

/// <summary>One process's view of the accounting: what the system calls of its <see cref="SimulatedProcessMemory"/> ask.</summary>
internal sealed class ProcessCommitAccounting(CommitAccounting accounting, SimProcess process) : ICommitAccounting
{
    public string? TryCommit(ulong pages, ulong totalVmPages)
    {
        var refusal = accounting.TryCommit(process.Pid, (long)pages, (long)totalVmPages);
        if (refusal is null)
        {
            process.CommittedPages += pages;
        }

        return refusal;
    }

    public void Uncommit(ulong pages)
    {
        if (!process.IsAlive)
        {
            return;
        }

        accounting.Uncommit(pages);
        process.CommittedPages -= pages;
    }
}
