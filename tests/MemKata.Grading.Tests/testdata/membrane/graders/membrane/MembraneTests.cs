using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Graders.Shared;
using MemKata.Testing;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace MemKata.Graders.Membrane;

// Fake learner components, each throwing one kind of exception from every member, called through the real guard of
// graders/_shared as a hidden suite calls a learner's component: directly, and with the call wrapped in a catch-all
// (test code that swallows what the learner threw). Every test but the two controls must fail, whatever was thrown.
public sealed class MembraneTests
{
    private static readonly string[] _kinds =
    [
        "Success", "Ignore", "Inconclusive", "Assertion", "MultipleAssert", "CustomResultState", "OperationCanceled", "NotImplemented",
        "HeapCorruption", "SegmentationFault", "ProcessKilled", "KeyNotFound", "MessageThrows",
    ];

    public static IEnumerable<TestCaseData> Kinds() => _kinds.Select(kind => new TestCaseData(kind).SetArgDisplayNames(kind));

    [TestCaseSource(nameof(Kinds))]
    [Task(1)]
    public void Malloc(string kind) => new GuardedAllocator(new Throwing(kind)).Malloc(1);

    [TestCaseSource(nameof(Kinds))]
    [Task(1)]
    public void Malloc_caught(string kind) => Swallow(() => new GuardedAllocator(new Throwing(kind)).Malloc(1));

    [TestCaseSource(nameof(Kinds))]
    [Task(1)]
    public void HandleFault(string kind) => new GuardedFaultHandler(new Throwing(kind)).HandleFault(null!, default);

    [TestCaseSource(nameof(Kinds))]
    [Task(1)]
    public void HandleFault_caught(string kind) => Swallow(() => new GuardedFaultHandler(new Throwing(kind)).HandleFault(null!, default));

    [TestCaseSource(nameof(Kinds))]
    [Task(1)]
    public void Reclaim(string kind) => new GuardedReclaimPolicy(new Throwing(kind)).Reclaim(null!, default);

    [TestCaseSource(nameof(Kinds))]
    [Task(1)]
    public void Reclaim_caught(string kind) => Swallow(() => new GuardedReclaimPolicy(new Throwing(kind)).Reclaim(null!, default));

    [TestCaseSource(nameof(Kinds))]
    [Task(1)]
    public void ChooseOomVictim_caught(string kind) =>
        Swallow(() => new GuardedReclaimPolicy(new Throwing(kind)).ChooseOomVictim([], 1000));

    [Test]
    [Task(1)]
    public void Caught_inside_a_multiple_assert_scope()
    {
        using (Assert.EnterMultipleScope())
        {
            Swallow(() => new GuardedAllocator(new Throwing("Success")).Malloc(1));
        }
    }

    // Control: a contract exception the member declares (Free's HeapCorruptionException) reaches the test as a copy.
    [Test]
    [Task(1)]
    public void Free_passes_a_declared_heap_corruption_on_as_a_copy()
    {
        var learner = new Throwing("HeapCorruption");

        var thrown = Assert.Throws<HeapCorruptionException>(() => new GuardedAllocator(learner).Free(0x10));

        Assert.That(thrown, Is.Not.SameAs(learner.Last));
        Assert.That(thrown!.Message, Is.EqualTo(learner.Last!.Message));
    }

    // Control: a call that returns normally passes its value on, and the test passes.
    [Test]
    [Task(1)]
    public void A_call_that_returns_passes() =>
        Assert.That(new GuardedAllocator(new Throwing("none")).Malloc(1), Is.EqualTo(16UL));

    private static void Swallow(Action call)
    {
        try
        {
            call();
        }
        catch (Exception)
        {
            // What a careless (or adversarial) hidden test might do.
        }
    }

    // NUnit's base of every outcome exception, claiming success.
    private sealed class CustomResultStateException() : ResultStateException("the learner says: success, by its own result state")
    {
        public override ResultState ResultState => ResultState.Success;
    }

    private sealed class MessageThrowsException : Exception
    {
        public override string Message => throw new SuccessException("from the Message getter");
    }

    private sealed class Throwing(string kind) : IAllocator, IPageFaultHandler, IReclaimPolicy
    {
        public Exception? Last { get; private set; }

        public ulong Malloc(ulong size) => Throw<ulong>(16);

        public void Free(ulong pointer) => Throw(0);

        public ulong Realloc(ulong pointer, ulong size) => Throw<ulong>(16);

        public ulong Calloc(ulong count, ulong size) => Throw<ulong>(16);

        public FaultResult HandleFault(IFaultContext context, PageFault fault) => Throw(FaultResult.Minor);

        public void Reclaim(IReclaimContext context, ReclaimRequest request) => Throw(0);

        public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages) => Throw<int?>(null);

        private T Throw<T>(T value)
        {
            Last = kind switch
            {
                "none" => null,
                "Success" => new SuccessException("the learner says: passed"),
                "Ignore" => new IgnoreException("the learner says: ignore me"),
                "Inconclusive" => new InconclusiveException("the learner says: inconclusive"),
                "Assertion" => new AssertionException("the learner says: failed"),
                "MultipleAssert" => new MultipleAssertException(TestExecutionContext.CurrentContext.CurrentResult),
                "CustomResultState" => new CustomResultStateException(),
                "OperationCanceled" => new OperationCanceledException("the learner says: cancelled"),
                "NotImplemented" => new NotImplementedException("Task 1: implement it. See .docs/instructions.md, task 1."),
                "HeapCorruption" => new HeapCorruptionException("free(): double free detected in tcache 2"),
                "SegmentationFault" => new SegmentationFaultException(0x10, isWrite: true, "no mapping"),
                "ProcessKilled" => new ProcessKilledException(1, "the learner says: killed"),
                "KeyNotFound" => new KeyNotFoundException("the learner says: no such key"),
                "MessageThrows" => new MessageThrowsException(),
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
            };
            return Last is null ? value : throw Last;
        }
    }
}
