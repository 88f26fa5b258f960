using MemKata.Contracts.Kernel;

/// <summary>Attack: shadow the hidden suite's own types. A global <c>Assert</c> whose members do nothing, and in the
/// suite's namespace a <c>FaultRules</c> that finds no broken rule and a <c>Subject</c> that builds a handler of the
/// learner's choosing, hoping the suite binds to them. The handler itself answers minor and maps nothing.</summary>
public sealed class FaultHandler : IPageFaultHandler
{
    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault) => FaultResult.Minor;
}

/// <summary>Does nothing, whatever it is asked.</summary>
public static class Assert
{
    /// <summary>Passes.</summary>
    public static void That(object? actual, object? constraint = null, string? message = null)
    {
    }

    /// <summary>Passes.</summary>
    public static void Fail(string? message = null)
    {
    }
}

namespace MemKata.Graders.FaultHandler
{
    /// <summary>Finds nothing broken.</summary>
    public static class FaultRules
    {
        /// <summary>No rule is ever broken.</summary>
        public static string? FirstBroken(object? a, object? b, object? c, object? d, object? e) => null;
    }

    /// <summary>The handler the suite grades.</summary>
    public static class Subject
    {
        /// <summary>The learner's own choice.</summary>
        public static IPageFaultHandler Create() => new global::FaultHandler();
    }
}
