namespace MemKata.Cli.Traces;

/// <summary>The traces shipped inside the program as embedded resources (see <c>Traces/*.rep</c>).</summary>
internal static class BundledTraces
{
    /// <summary>The name of the default trace, also its resource name and its source name in messages.</summary>
    public const string TourName = "tour.rep";

    /// <summary>Opens the bundled tour: a short hand-written trace through heap growth, mmap, the dynamic mmap
    /// threshold, pooling, realloc in place and moving, and trimming (the story is in <c>Traces/tour.md</c>).</summary>
    public static StreamReader OpenTour() => Open(TourName);

    private static StreamReader Open(string name) => new(
        typeof(BundledTraces).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the bundled trace '{name}' is missing from the program: check the EmbeddedResource items of MemKata.Cli.csproj"));
}
