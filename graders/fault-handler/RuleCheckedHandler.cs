using MemKata.Contracts.Kernel;

namespace MemKata.Graders.FaultHandler;

/// <summary>
/// The learner's handler with every fault it handles checked against the REQUIRED rules (<see cref="FaultRules"/>), as
/// the allocator's grader checks every operation: a test that touches memory fails at the first fault handled wrongly,
/// whatever else it asserts, with the fault and the rule in the message. Every test that runs the learner's handler
/// runs it checked, the snapshot checks included: a fault that breaks a rule fails there too, with the rule rather than
/// a diff of events.
/// </summary>
internal sealed class RuleCheckedHandler(IPageFaultHandler learner) : IPageFaultHandler
{
    /// <summary>The learner's handler (<see cref="Subject"/>), checked.</summary>
    public static IPageFaultHandler Learner() => new RuleCheckedHandler(Subject.Create());

    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault)
    {
        ArgumentNullException.ThrowIfNull(context);
        var vma = context.FindVma(fault.Address);
        var before = context.ReadPte(fault.PageAddress);
        var calls = new RecordingContext(context);
        var result = learner.HandleFault(calls, fault);
        if (FaultRules.FirstBroken(vma, before, fault, result, calls) is { } broken)
        {
            var where = vma is null ? "outside every area" : $"area {vma.Kind} {vma.Protection}, entry {before.State}{(before.IsZeroPage ? ", the zero page" : "")}";
            Assert.Fail($"{(fault.Access == AccessKind.Write ? "write" : "read")} at 0x{fault.Address:x} ({where}): {broken}");
        }

        return result;
    }
}
