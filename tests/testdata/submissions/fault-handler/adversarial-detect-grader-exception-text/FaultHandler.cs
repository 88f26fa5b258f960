using MemKata.Contracts.Kernel;

/// <summary>Attack: grader detection with allowed APIs only: provoke the kernel with an unaligned MapZeroPage and read
/// the exception's text (ToString carries the stack: the hidden suite's RecordingContext, its namespace) and the
/// context's ToString (its type name). When graded it claims every fault was minor and maps nothing, and it prints what
/// it found, to show whether the channel works.</summary>
public sealed class FaultHandler : IPageFaultHandler
{
    private static bool? _graded;

    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_graded is null)
        {
            var seen = context.ToString() ?? "";
            try
            {
                context.MapZeroPage(fault.Address | 1);
            }
            catch (Exception e)
            {
                seen += "\n" + e;
            }

            _graded = seen.Contains("Graders", StringComparison.Ordinal);
            Console.WriteLine($"DETECTED-GRADER={_graded}: {seen.Replace('\n', ' ')}");
        }

        return _graded == true ? FaultResult.Minor : FaultResult.SegmentationFault("not graded");
    }
}
