namespace MemKata.Graders.Shared;

/// <summary>
/// What <see cref="LearnerCall"/> throws when learner code threw an exception its contract does not declare. The
/// failure is already recorded on the running test's result, so catching this changes nothing: the test fails. An
/// assertion failure to NUnit, it carries the learner's stack trace (not the suite's), so the report can point at the
/// learner's file and line.
/// </summary>
internal sealed class LearnerFailure : AssertionException
{
    private readonly string? _learnerStackTrace;

    /// <summary>The failure with its learner-readable <paramref name="message"/> and the stack trace of what the
    /// learner's code threw.</summary>
    public LearnerFailure(string message, string? learnerStackTrace)
        : base(message)
    {
        _learnerStackTrace = learnerStackTrace;
    }

    /// <inheritdoc/>
    public override string? StackTrace => _learnerStackTrace ?? base.StackTrace;
}
