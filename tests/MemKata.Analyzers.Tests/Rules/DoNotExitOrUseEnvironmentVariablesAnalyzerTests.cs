using MemKata.Analyzers.Rules;
using MemKata.Analyzers.Tests.Infrastructure;

namespace MemKata.Analyzers.Tests.Rules;

public class DoNotExitOrUseEnvironmentVariablesAnalyzerTests
{
    private const string ExitsAndReadsVariables = """
        using System;

        class Quitter
        {
            public ulong Malloc(ulong size)
            {
                if ([|Environment.GetEnvironmentVariable|]("CI") is not null) return 0;
                if (size == 0) [|Environment.Exit|](0);
                if (size > 1000) [|Environment.FailFast|]("too big");
                [|Environment.SetEnvironmentVariable|]("MALLOC_ARENA_MAX", "1");
                return 16;
            }
        }
        """;

    [Test]
    public Task Reports_exit_fail_fast_and_environment_variables() =>
        ProjectBuilder.For<DoNotExitOrUseEnvironmentVariablesAnalyzer>().WithSourceCode(ExitsAndReadsVariables).ValidateAsync();

    [Test]
    public Task Does_not_report_them_outside_learner_code() =>
        ProjectBuilder.For<DoNotExitOrUseEnvironmentVariablesAnalyzer>().AsNonLearnerCode()
            .WithSourceCode(ExitsAndReadsVariables).ExpectingNoDiagnostics().ValidateAsync();

    [Test]
    public Task Does_not_report_newline_nor_the_members_MK0010_owns() =>
        ProjectBuilder.For<DoNotExitOrUseEnvironmentVariablesAnalyzer>()
            .WithSourceCode("""
                using System;

                class Honest
                {
                    public string Line() => "heap" + Environment.NewLine + Environment.MachineName;
                }
                """)
            .ValidateAsync();
}
