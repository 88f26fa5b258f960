using System.Globalization;

namespace MemKata.Engine.Traces;

/// <summary>
/// The <c>chunks</c> line format, one line per operation, shared with the C replay program that runs the real glibc, so
/// that the two can be compared line by line. Offsets are relative to the initial program break:
/// <code>
///   free:                 &lt;i&gt; f &lt;id&gt; brk=&lt;brk&gt;
///   malloc/realloc, heap: &lt;i&gt; &lt;a|r&gt; &lt;id&gt; &lt;size&gt; -&gt; &lt;off&gt; csize=&lt;csize&gt; brk=&lt;brk&gt;
///   served by mmap:       &lt;i&gt; &lt;a|r&gt; &lt;id&gt; &lt;size&gt; -&gt; MMAP csize=&lt;csize&gt; brk=&lt;brk&gt;
///   null result:          &lt;i&gt; &lt;a|r&gt; &lt;id&gt; &lt;size&gt; -&gt; 0 csize=0 brk=&lt;brk&gt;
/// </code>
/// All numbers are decimal; an offset below the initial break is negative.
/// </summary>
public static class ChunksFormat
{
    /// <summary>Formats <paramref name="step"/>, given the break before the first malloc.</summary>
    public static string Format(in ReplayStep step, ulong initialBreak)
    {
        var op = step.Operation;
        var brk = Offset(step.Break, initialBreak);
        if (op.Kind == TraceOperationKind.Free)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{step.Index} f {op.Id} brk={brk}");
        }

        var target = step.Pointer == 0 ? "0" : step.IsMmapped ? "MMAP" : Offset(step.Pointer, initialBreak).ToString(CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{step.Index} {op.Letter} {op.Id} {op.Size} -> {target} csize={step.ChunkSize} brk={brk}");
    }

    private static long Offset(ulong address, ulong initialBreak) => unchecked((long)(address - initialBreak));
}
