using System.Globalization;
using System.Text;
using MemKata.Engine.Traces;
using MemKata.Oracle.Traces;

namespace MemKata.Graders.Allocator;

// The hidden traces of the performance index (task 8): seeded traces from the oracle's generator, each stressing one
// side of an allocator, and two built as CS:APP's malloclab traces are (binary: a fragmentation pattern that defeats a
// naive fit; a realloc that grows one block among small ones). Seeds differ from anything the exercise ships.
internal static class PerformanceTraces
{
    public static IReadOnlyList<Trace> All { get; } =
    [
        TraceGenerator.Generate(TraceProfile.Mixed, 9101, 2500),
        TraceGenerator.Generate(TraceProfile.SmallReuse, 9102, 2500),
        TraceGenerator.Generate(TraceProfile.Coalescing, 9103, 2000),
        TraceGenerator.Generate(TraceProfile.Realloc, 9104, 1500),
        TraceGenerator.Generate(TraceProfile.TopTrimming, 9105, 1500),
        Binary(pairs: 600, small: 48, big: 440, after: 500),
        GrowingRealloc(steps: 400, step: 96),
    ];

    // malloclab's binary-bal pattern: alternating small and big blocks, every big one freed, then bigger requests that
    // none of the holes fits.
    private static Trace Binary(int pairs, ulong small, ulong big, ulong after)
    {
        var ops = new List<string>();
        for (var i = 0; i < pairs; i++)
        {
            ops.Add(Line('a', 2 * i, small));
            ops.Add(Line('a', (2 * i) + 1, big));
        }

        for (var i = 0; i < pairs; i++)
        {
            ops.Add(Line('f', (2 * i) + 1, 0));
        }

        for (var i = 0; i < pairs / 2; i++)
        {
            ops.Add(Line('a', (2 * pairs) + i, after));
        }

        return Parse($"binary-{pairs}x{small}-{big}", (2 * pairs) + (pairs / 2), ops);
    }

    // malloclab's realloc-bal pattern: one block grown step by step while small blocks come and go around it.
    private static Trace GrowingRealloc(int steps, ulong step)
    {
        var ops = new List<string> { Line('a', 0, step) };
        for (var i = 1; i <= steps; i++)
        {
            ops.Add(Line('a', i, 16));
            ops.Add(Line('r', 0, step * (ulong)(i + 1)));
            ops.Add(Line('f', i, 0));
        }

        ops.Add(Line('f', 0, 0));
        return Parse($"growing-realloc-{steps}x{step}", steps + 1, ops);
    }

    private static string Line(char kind, int id, ulong size) => kind == 'f'
        ? string.Create(CultureInfo.InvariantCulture, $"f {id}")
        : string.Create(CultureInfo.InvariantCulture, $"{kind} {id} {size}");

    private static Trace Parse(string name, int ids, List<string> ops)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"0\n{ids}\n{ops.Count}\n1\n");
        foreach (var op in ops)
        {
            text.Append(op).Append('\n');
        }

        using var reader = new StringReader(text.ToString());
        return TraceParser.Parse(reader, name);
    }
}
