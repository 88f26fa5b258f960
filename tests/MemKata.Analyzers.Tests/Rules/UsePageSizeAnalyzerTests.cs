using MemKata.Analyzers.Rules;
using MemKata.Analyzers.Tests.Infrastructure;

namespace MemKata.Analyzers.Tests.Rules;

public class UsePageSizeAnalyzerTests
{
    private const string BarePageSize = """
        class Pages
        {
            public ulong RoundUp(ulong n) => (n + [|4095|]) & ~[|0xFFFUL|];
            public ulong Count(ulong n) => n / [|4096|];
            public ulong Bytes(ulong pages) => pages * ([|4 * 1024|]);
            public ulong Shifted(ulong pages) => pages * ([|1UL << 12|]);
        }
        """;

    [Test]
    public Task Reports_4096_and_its_mask_written_as_numbers() =>
        ProjectBuilder.For<UsePageSizeAnalyzer>().WithSourceCode(BarePageSize).ValidateAsync();

    [Test]
    public Task Does_not_report_them_outside_learner_code() =>
        ProjectBuilder.For<UsePageSizeAnalyzer>().AsNonLearnerCode().WithSourceCode(BarePageSize)
            .ExpectingNoDiagnostics().ValidateAsync();

    [Test]
    public Task Does_not_report_PageSize_or_named_constants() =>
        ProjectBuilder.For<UsePageSizeAnalyzer>()
            .WithSourceCode("""
                using MemKata.Contracts;

                class Pages(IProcessMemory memory)
                {
                    private const ulong SmallPage = 4096;

                    public ulong RoundUp(ulong n) => (n + memory.PageSize - 1) & ~(memory.PageSize - 1);
                    public ulong Other(ulong n) => n * 8192 + SmallPage;
                }
                """)
            .ValidateAsync();
}
