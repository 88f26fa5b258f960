using MemKata.Contracts.Kernel;
using NUnit.Framework;

/// <summary>Attack: end every test as a success from inside learner code: NUnit's SuccessException (what Assert.Pass
/// throws), thrown directly, and Assert.Pass itself.</summary>
public sealed class FaultHandler : IPageFaultHandler
{
    private int _calls;

    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault)
    {
        if (_calls++ % 2 == 0)
        {
            Assert.Pass("every fault handled");
        }

        throw new SuccessException("every fault handled");
    }
}
