using MemKata.Analyzers.Rules;
using MemKata.Analyzers.Tests.Infrastructure;

namespace MemKata.Analyzers.Tests.Rules;

public class NameTheMmapThresholdAnalyzerTests
{
    private const string BareThreshold = """
        class Policy
        {
            public bool UseMmap(ulong size) => size >= [|131072|];
            public bool UseMmapHex(ulong size) => size >= [|0x20000|];
            public bool UseMmapProduct(ulong size) => size >= [|128 * 1024|];
            public bool UseMmapShift(ulong size) => size >= ([|1UL << 17|]);
        }
        """;

    [Test]
    public Task Reports_the_threshold_written_as_a_number() =>
        ProjectBuilder.For<NameTheMmapThresholdAnalyzer>().WithSourceCode(BareThreshold).ValidateAsync();

    [Test]
    public Task Does_not_report_it_outside_learner_code() =>
        ProjectBuilder.For<NameTheMmapThresholdAnalyzer>().AsNonLearnerCode().WithSourceCode(BareThreshold)
            .ExpectingNoDiagnostics().ValidateAsync();

    [Test]
    public Task Does_not_report_where_the_threshold_is_named_or_other_numbers() =>
        ProjectBuilder.For<NameTheMmapThresholdAnalyzer>()
            .WithSourceCode("""
                class Policy(ulong threshold = 131072)
                {
                    private const ulong MmapThreshold = 128 * 1024;
                    private static readonly ulong MaxThreshold = 32 * 1024 * 1024;

                    public bool UseMmap(ulong size) => size >= MmapThreshold && size < 2 * 128 * 1024 + threshold;

                    public ulong Local()
                    {
                        const ulong TopPad = 0x20000;
                        return TopPad + MaxThreshold + 1024;
                    }
                }
                """)
            .ValidateAsync();
}
