namespace MemKata.Grading;

/// <summary>The instructor or learner asked for something that cannot be graded: an unknown slug, a submission folder
/// that does not exist, a malformed <c>.meta/config.json</c> or <c>grader.json</c>. The message says what, why and where
/// to look; callers show it as it is, never with a stack trace.</summary>
public sealed class GradingInputException : Exception
{
    /// <summary>Creates the exception with its learner- or instructor-readable <paramref name="message"/>.</summary>
    public GradingInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and the error that caused it.</summary>
    public GradingInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message (for serializers; prefer the other constructors).</summary>
    public GradingInputException()
        : base("The grading input is not valid.")
    {
    }
}
