namespace MemKata.Contracts.Kernel;

/// <summary>
/// The kernel's page-fault handler (Linux's <c>handle_mm_fault</c>): called when a process touches a page whose page
/// table entry does not allow the access. It decides what the access means and makes the page present.
/// </summary>
/// <remarks>
/// <para>Contract:</para>
/// <list type="bullet">
/// <item>Look up the area with <see cref="IFaultContext.FindVma"/>. No area, or an area whose protection forbids the
/// access: return <see cref="FaultResult.SegmentationFault"/> and change nothing.</item>
/// <item>Otherwise make the page present with the access allowed (writable for a write) through
/// <see cref="IFaultContext.MapPage"/> or <see cref="IFaultContext.MapZeroPage"/>, and say whether that needed disk I/O
/// (<see cref="FaultResult.Major"/>: swap-in or a file read that missed the page cache) or not (<see cref="FaultResult.Minor"/>).</item>
/// <item>When <see cref="IFaultContext.AllocateFrame"/> returns null, return <see cref="FaultResult.OutOfMemory"/>.</item>
/// <item>The kernel checks the entry after the call: a handler that says Minor or Major but left the page absent, or
/// read-only for a write, is a bug and is reported as one.</item>
/// </list>
/// </remarks>
public interface IPageFaultHandler
{
    /// <summary>Resolves <paramref name="fault"/> using only what <paramref name="context"/> offers.</summary>
    FaultResult HandleFault(IFaultContext context, PageFault fault);
}
