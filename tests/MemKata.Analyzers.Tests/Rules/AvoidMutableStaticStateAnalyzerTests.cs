using MemKata.Analyzers.Rules;
using MemKata.Analyzers.Tests.Infrastructure;

namespace MemKata.Analyzers.Tests.Rules;

public class AvoidMutableStaticStateAnalyzerTests
{
    private const string SharedBetweenTests = """
        using System.Collections.Generic;

        class Globals
        {
            private static ulong [|s_top|];
            public static int [|Calls|] { get; set; }
            private static readonly List<ulong> [|FreeBlocks|] = new();
            public static Dictionary<ulong, ulong> [|Sizes|] { get; } = new();
        }
        """;

    [Test]
    public Task Reports_static_fields_settable_static_properties_and_static_collections() =>
        ProjectBuilder.For<AvoidMutableStaticStateAnalyzer>().WithSourceCode(SharedBetweenTests).ValidateAsync();

    [Test]
    public Task Does_not_report_static_state_outside_learner_code() =>
        ProjectBuilder.For<AvoidMutableStaticStateAnalyzer>().AsNonLearnerCode().WithSourceCode(SharedBetweenTests)
            .ExpectingNoDiagnostics().ValidateAsync();

    [Test]
    public Task Does_not_report_constants_readonly_values_lookup_tables_or_instance_state() =>
        ProjectBuilder.For<AvoidMutableStaticStateAnalyzer>()
            .WithSourceCode("""
                class Honest
                {
                    private const ulong Alignment = 16;
                    private static readonly ulong MinimumChunk = 32;
                    private static readonly ulong[] SizeClasses = [16, 32, 64];
                    public static ulong PageShift { get; } = 12;
                    public static ulong Twice => Alignment * 2;
                    private ulong _top;
                    public int Calls { get; set; }
                }
                """)
            .ValidateAsync();
}
