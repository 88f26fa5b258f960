namespace MemKata.Oracle.Tests;

/// <summary>The real-glibc oracle for tests that cannot do without it: created once per test run, and when this machine
/// cannot provide it (no gcc, not glibc) every test that asks fails loudly with the reason, never passes or skips.</summary>
internal static class RequiredOracle
{
    private static readonly Lazy<(GlibcOracle? Oracle, string WhyNot)> Created = new(() =>
    {
        GlibcOracle.TryCreate(out var oracle, out var whyNot);
        return (oracle, whyNot);
    });

    /// <summary>The oracle, or an NUnit failure saying why there is none.</summary>
    public static GlibcOracle Get()
    {
        var (oracle, whyNot) = Created.Value;
        if (oracle is null)
        {
            Assert.Fail($"The real-glibc oracle is unavailable, so the differential tests cannot run: {whyNot}");
        }

        return oracle!;
    }
}
