using MemKata.Analyzers.Rules;
using MemKata.Analyzers.Tests.Infrastructure;

namespace MemKata.Analyzers.Tests.Rules;

public class DoNotDetectTheGraderAnalyzerTests
{
    private const string BehavesDifferentlyUnderTest = """
        using System;
        using System.Diagnostics;
        using System.Reflection;
        using NUnit.Framework;

        class Chameleon
        {
            public bool UnderGrading() =>
                [|TestContext.CurrentContext|].Test.Name.Contains("Hidden")
                || [|Environment.CommandLine|].Contains("grader")
                || [|AppDomain.CurrentDomain|].FriendlyName.Contains("testhost")
                || [|AppContext.BaseDirectory|].Contains("graders")
                || [|Assembly.GetEntryAssembly|]() is null
                || new [|StackTrace|]().FrameCount > 40
                || [|Debugger.IsAttached|];
        }
        """;

    [Test]
    public Task Reports_test_context_environment_app_domain_callers_and_debugger() =>
        ProjectBuilder.For<DoNotDetectTheGraderAnalyzer>().WithSourceCode(BehavesDifferentlyUnderTest).ValidateAsync();

    [Test]
    public Task Does_not_report_them_outside_learner_code() =>
        ProjectBuilder.For<DoNotDetectTheGraderAnalyzer>().AsNonLearnerCode().WithSourceCode(BehavesDifferentlyUnderTest)
            .ExpectingNoDiagnostics().ValidateAsync();

    [Test]
    public Task Reports_reading_a_stack_trace_from_an_exception() =>
        ProjectBuilder.For<DoNotDetectTheGraderAnalyzer>()
            .WithSourceCode("""
                using System;

                class Chameleon
                {
                    public bool UnderGrading()
                    {
                        try { throw new InvalidOperationException(); }
                        catch (InvalidOperationException e) { return [|e.StackTrace|]!.Contains("Hidden"); }
                    }
                }
                """)
            .ValidateAsync();

    [Test]
    public Task Does_not_report_newline_nor_exceptions_messages() =>
        ProjectBuilder.For<DoNotDetectTheGraderAnalyzer>()
            .WithSourceCode("""
                using System;

                class Honest
                {
                    public string Report(Exception e) => e.Message + Environment.NewLine;
                }
                """)
            .ValidateAsync();
}
