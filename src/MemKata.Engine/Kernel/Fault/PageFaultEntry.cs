using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Units;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The one entry of every page fault (xv6's <c>usertrap</c>, Linux's <c>exc_page_fault</c> → <c>handle_mm_fault</c>):
/// the MMU found no usable entry for an access, so the kernel hands the fault to the <see cref="IPageFaultHandler"/>,
/// checks its answer, counts the fault (minor or major, /proc/vmstat and the process's rusage), logs it, and turns a
/// refusal into the signal the program gets: SIGSEGV for an illegal access, SIGBUS past the end of a mapped file,
/// SIGKILL when no frame could be found.
/// </summary>
internal sealed class PageFaultEntry(IPageFaultHandler handler, Func<SimProcess, FaultContext> contextFor, ProcessReaper reaper, VmStat vmStat, EventLog events)
{
    /// <summary>The handler every fault goes to.</summary>
    public IPageFaultHandler Handler => handler;

    /// <summary>Told of every fault the handler answered (not one it threw on), with the context calls it made. While
    /// anyone listens, each call is recorded with the handler method that made it, which walks the stack: only views
    /// that show it listen. The reference handler's calls are not recorded (they would be the exercise's recipe).</summary>
    public event Action<HandledFault>? Handled;

    /// <summary>Resolves <paramref name="process"/>'s fault on virtual page <paramref name="page"/> for
    /// <paramref name="access"/>; returns once the page is mapped for it, or throws the signal the process gets.</summary>
    public void Fault(SimProcess process, ulong page, AccessKind access)
    {
        var address = page * PageUnits.PageSize;
        var fault = new PageFault(process.Pid, address, address, access);
        var context = process.FaultContext ??= contextFor(process);
        FaultResult result;
        var recordCalls = Handled is not null && handler.GetType().Assembly != typeof(PageFaultEntry).Assembly;
        context.Begin(page, fault, recordCalls ? handler.GetType().Assembly : null);
        try
        {
            result = handler.HandleFault(context, fault);
        }
        catch (BusErrorException e)
        {
            events.Add(process.Pid, KernelEventKind.BusError, HexFormat.Address(address) + ": " + e.Reason);
            throw;
        }
        finally
        {
            context.Finish();
        }

        Handled?.Invoke(new HandledFault(process.Pid, address, access, recordCalls ? context.TakeCalls() : null, result.Outcome));

        switch (result.Outcome)
        {
            case FaultOutcome.Minor:
            case FaultOutcome.Major:
                CheckResolved(process, page, access, result.Outcome);
                Count(process, address, access, major: result.Outcome == FaultOutcome.Major);
                return;
            case FaultOutcome.SegmentationFault:
                events.Add(process.Pid, KernelEventKind.SegmentationFault, HexFormat.Address(address) + ": " + result.Reason);
                throw new SegmentationFaultException(address, access == AccessKind.Write, result.Reason ?? "segmentation fault");
            default:
                if (process.IsAlive)
                {
                    reaper.Terminate(process, "out of memory: no frame for a page fault");
                    events.Add(process.Pid, KernelEventKind.OomKill, "killed: no frame could be found for its page fault");
                }

                throw new ProcessKilledException(process.Pid, process.KillReason ?? "out of memory");
        }
    }

    private void Count(SimProcess process, ulong address, AccessKind access, bool major)
    {
        vmStat.PgFault++;
        if (major)
        {
            vmStat.PgMajFault++;
            process.MajorFaults++;
        }
        else
        {
            process.MinorFaults++;
        }

        if (events.LogFaults)
        {
            var kind = major ? KernelEventKind.MajorFault : KernelEventKind.MinorFault;
            events.AddFault(process.Pid, kind, access == AccessKind.Write ? "write" : "read", address, PageUnits.PageSize);
        }
    }

    // After Minor or Major the page must really be mapped for the access: a handler that says so and did not is a bug.
    private void CheckResolved(SimProcess process, ulong page, AccessKind access, FaultOutcome outcome)
    {
        var entry = process.PageTable.Get(page);
        var write = access == AccessKind.Write;
        if (!entry.IsPresent || (write && !entry.Writable))
        {
            throw new InvalidOperationException(
                $"page fault handler {handler.GetType().Name}: answered {outcome} for a {access.ToString().ToLowerInvariant()} at " +
                $"{HexFormat.Address(page * PageUnits.PageSize)}, but the page is not mapped {(write ? "writable" : "present")}");
        }
    }
}
