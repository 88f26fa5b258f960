namespace MemKata.Contracts.Kernel;

/// <summary>
/// A physical page frame: RAM is an array of 4 KiB frames and this is an index into it. A frame holds one page of one
/// process (anonymous memory) or one page of a file (the page cache).
/// </summary>
/// <param name="Value">The frame number, 0 for the first frame of RAM.</param>
public readonly record struct FrameNumber(int Value)
{
    /// <inheritdoc/>
    public override string ToString() => $"frame {Value}";
}
