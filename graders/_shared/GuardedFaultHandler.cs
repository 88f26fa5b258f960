using System.Runtime.CompilerServices;
using MemKata.Contracts.Kernel;

namespace MemKata.Graders.Shared;

/// <summary>
/// The learner's page-fault handler as the hidden suite and the simulated kernel see it: every call goes through
/// <see cref="LearnerCall"/>. <c>HandleFault</c> declares no exception: it answers with a <see cref="FaultResult"/>
/// (SIGSEGV and out of memory included), so anything it throws fails the test, among them the engine's complaints about
/// a context call it misused. Equality, hashing and text are the wrapper's own.
/// </summary>
internal sealed class GuardedFaultHandler(IPageFaultHandler learner) : IPageFaultHandler
{
    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault) =>
        LearnerCall.Run(
            nameof(HandleFault),
            () => learner.HandleFault(context, fault),
            () => $"{(fault.Access == AccessKind.Write ? "write" : "read")} at 0x{fault.Address:x}");

    /// <inheritdoc/>
    public override string ToString() => "your FaultHandler";

    /// <inheritdoc/>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <inheritdoc/>
    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}
