using MemKata.Analyzers.Rules;
using MemKata.Analyzers.Tests.Infrastructure;

namespace MemKata.Analyzers.Tests.Rules;

public class DoNotUseProcessesAnalyzerTests
{
    private const string StartsAProcess = """
        using System.Diagnostics;

        class Escape
        {
            public void Run()
            {
                [|Process.Start|]("cat", "/grader/expected.snap");
                var name = [|Process.GetCurrentProcess|]().ProcessName;
                var info = new [|ProcessStartInfo|]("sh");
            }
        }
        """;

    [Test]
    public Task Reports_starting_and_inspecting_processes() =>
        ProjectBuilder.For<DoNotUseProcessesAnalyzer>().WithSourceCode(StartsAProcess).ValidateAsync();

    [Test]
    public Task Does_not_report_processes_outside_learner_code() =>
        ProjectBuilder.For<DoNotUseProcessesAnalyzer>().AsNonLearnerCode().WithSourceCode(StartsAProcess)
            .ExpectingNoDiagnostics().ValidateAsync();

    [Test]
    public Task Does_not_report_other_diagnostics_types() =>
        ProjectBuilder.For<DoNotUseProcessesAnalyzer>()
            .WithSourceCode("""
                using System.Diagnostics;

                class Honest
                {
                    public void Check(bool ok) => Debug.Assert(ok, "heap invariant");
                }
                """)
            .ValidateAsync();
}
