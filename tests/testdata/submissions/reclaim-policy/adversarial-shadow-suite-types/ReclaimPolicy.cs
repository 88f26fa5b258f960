using MemKata.Contracts.Kernel;

/// <summary>Attack: shadow the hidden suite's own types: a global <c>Assert</c> and <c>Is</c> that accept anything,
/// and in the suite's namespace a <c>Policies</c> and a <c>Subject</c> of the learner's, hoping the suite binds to
/// them. The policy itself frees nothing and names no victim.</summary>
public sealed class ReclaimPolicy : IReclaimPolicy
{
    /// <inheritdoc/>
    public void Reclaim(IReclaimContext context, ReclaimRequest request)
    {
    }

    /// <inheritdoc/>
    public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages) => null;
}

/// <summary>Does nothing, whatever it is asked.</summary>
public static class Assert
{
    /// <summary>Passes.</summary>
    public static void That(object? actual, object? constraint = null, string? message = null)
    {
    }
}

/// <summary>Constraints that are nothing.</summary>
public static class Is
{
    /// <summary>Nothing.</summary>
    public static object? EqualTo(object? expected) => null;

    /// <summary>Nothing.</summary>
    public static object? Null => null;
}

namespace MemKata.Graders.ReclaimPolicy
{
    /// <summary>The policy the suite grades.</summary>
    public static class Subject
    {
        /// <summary>The learner's own choice.</summary>
        public static IReclaimPolicy Create() => new global::ReclaimPolicy();
    }
}
