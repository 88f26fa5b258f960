namespace MemKata.Contracts;

/// <summary>
/// The allocator found its heap corrupt (a double free, an invalid pointer, a size that makes no sense) and aborted, as
/// glibc does with <c>malloc_printerr</c>. <see cref="Exception.Message"/> is the text glibc prints, for example
/// <c>free(): double free detected in tcache 2</c>; the simulated process would die of SIGABRT.
/// </summary>
public sealed class HeapCorruptionException : Exception
{
    /// <summary>Creates the error with glibc's message text.</summary>
    public HeapCorruptionException(string message)
        : base(message)
    {
    }
}
