using System.Globalization;

namespace MemKata.Engine.Traces;

/// <summary>Writes a <see cref="Trace"/> in the malloclab <c>.rep</c> format that <c>TraceParser</c> and the C replay
/// program read: four header lines, then one operation per line.</summary>
public static class TraceWriter
{
    /// <summary>Writes <paramref name="trace"/> to <paramref name="writer"/>.</summary>
    public static void Write(Trace trace, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(writer);
        writer.NewLine = "\n";
        writer.WriteLine(trace.SuggestedHeapSize.ToString(CultureInfo.InvariantCulture));
        writer.WriteLine(trace.IdCount.ToString(CultureInfo.InvariantCulture));
        writer.WriteLine(trace.Operations.Count.ToString(CultureInfo.InvariantCulture));
        writer.WriteLine(trace.Weight.ToString(CultureInfo.InvariantCulture));
        foreach (var op in trace.Operations)
        {
            writer.WriteLine(op.ToString());
        }
    }

    /// <summary>Writes <paramref name="trace"/> to the file at <paramref name="path"/>.</summary>
    public static void WriteFile(Trace trace, string path)
    {
        using var writer = new StreamWriter(path);
        Write(trace, writer);
    }
}
