using System.Globalization;

namespace MemKata.Engine.Traces;

/// <summary>
/// Text after the last operation the header promises: <see cref="TraceReader"/> stops reading there, as the CMU 15-213
/// malloclab driver does (its <c>read_trace</c> leaves its loop once it has the header's count of operations and never
/// looks at the rest), and records where the unread text starts so that a command can say so in one line
/// (<see cref="Note"/>). Several of that course's traces have such a line. Blank lines after the last operation are not
/// surplus.
/// </summary>
/// <param name="Source">The trace's name in messages.</param>
/// <param name="Line">The 1-based line of the first text after the last operation.</param>
/// <param name="OperationCount">How many operations the header promises (and the replay runs).</param>
/// <param name="HeaderLine">The line on which the header's operation count is written.</param>
public sealed record TraceSurplus(string Source, int Line, int OperationCount, int HeaderLine)
{
    /// <summary>The note, in the compiler style of <see cref="TraceFormatException"/> with <c>note:</c> before the
    /// sentence, e.g. <c>t.rep:205:1: note: the header (line 3) promises 200 operations, so this line and the rest of the
    /// file are not read (as CMU's mdriver does not read them)</c>.</summary>
    public string Note => string.Create(CultureInfo.InvariantCulture,
        $"{Source}:{Line}:1: note: the header (line {HeaderLine}) promises {OperationCount} operation{(OperationCount == 1 ? string.Empty : "s")}, so this line and the rest of the file are not read (as CMU's mdriver does not read them)");
}
