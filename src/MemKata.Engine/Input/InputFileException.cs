namespace MemKata.Engine.Input;

/// <summary>A file a user named cannot be read as input; <see cref="Exception.Message"/> says why, in a sentence that
/// names the path (escaped: it never carries a control character).</summary>
public sealed class InputFileException : IOException
{
    /// <summary>Creates the error with its whole message.</summary>
    public InputFileException(string message)
        : base(message)
    {
    }
}
