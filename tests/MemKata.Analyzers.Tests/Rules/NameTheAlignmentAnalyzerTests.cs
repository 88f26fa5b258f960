using MemKata.Analyzers.Rules;
using MemKata.Analyzers.Tests.Infrastructure;

namespace MemKata.Analyzers.Tests.Rules;

public class NameTheAlignmentAnalyzerTests
{
    private const string BareAlignment = """
        class Sizes
        {
            public bool Aligned(ulong p) => [|p % 16|] == 0;
            public bool AlignedMask(ulong p) => ([|p & 15|]) == 0;
            public ulong RoundUp(ulong n) => [|(n + 15) & ~15UL|];
            public ulong RoundDown(long n) => (ulong)([|n & -16|]);
            public ulong RoundDownHex(ulong n) => [|n & 0xFFFFFFFFFFFFFFF0|];

            public ulong InPlace(ulong n)
            {
                [|n &= ~0xFUL|];
                return n;
            }
        }
        """;

    [Test]
    public Task Reports_alignment_math_with_bare_numbers() =>
        ProjectBuilder.For<NameTheAlignmentAnalyzer>().WithSourceCode(BareAlignment).ValidateAsync();

    [Test]
    public Task Does_not_report_it_outside_learner_code() =>
        ProjectBuilder.For<NameTheAlignmentAnalyzer>().AsNonLearnerCode().WithSourceCode(BareAlignment)
            .ExpectingNoDiagnostics().ValidateAsync();

    [Test]
    public Task Does_not_report_named_alignment_flag_masks_or_other_moduli() =>
        ProjectBuilder.For<NameTheAlignmentAnalyzer>()
            .WithSourceCode("""
                class Sizes
                {
                    private const ulong MallocAlignment = 16;
                    private const ulong AlignMask = 15;

                    public ulong RoundUp(ulong n) => (n + MallocAlignment - 1) & ~(MallocAlignment - 1);
                    public bool Aligned(ulong p) => p % MallocAlignment == 0 && (p & AlignMask) == 0;
                    public ulong ChunkSize(ulong header) => header & ~7UL;
                    public ulong Bin(ulong size) => size % 64 + (size & 0xFF);
                }
                """)
            .ValidateAsync();
}
