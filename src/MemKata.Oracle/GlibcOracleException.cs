namespace MemKata.Oracle;

/// <summary>The real-glibc oracle could not do what was asked: the C harness did not compile, or a run of it failed or
/// printed something unexpected. The message says which command, its exit status and its standard error.</summary>
public sealed class GlibcOracleException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public GlibcOracleException()
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    public GlibcOracleException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    public GlibcOracleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
