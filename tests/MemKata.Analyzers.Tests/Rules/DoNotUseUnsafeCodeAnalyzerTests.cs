using MemKata.Analyzers.Rules;
using MemKata.Analyzers.Tests.Infrastructure;

namespace MemKata.Analyzers.Tests.Rules;

public class DoNotUseUnsafeCodeAnalyzerTests
{
    private const string UsesPointers = """
        class Raw
        {
            public [|unsafe|] ulong Peek(byte[] buffer)
            {
                [|fixed|] ([|byte*|] p = buffer)
                {
                    [|ulong*|] words = ([|ulong*|])p;
                    [|byte*|] scratch = [|stackalloc byte[16]|];
                    return *words;
                }
            }
        }
        """;

    [Test]
    public Task Reports_unsafe_fixed_pointers_and_stackalloc_into_a_pointer() =>
        ProjectBuilder.For<DoNotUseUnsafeCodeAnalyzer>().WithUnsafeBlocks().WithSourceCode(UsesPointers).ValidateAsync();

    [Test]
    public Task Does_not_report_unsafe_code_outside_learner_code() =>
        ProjectBuilder.For<DoNotUseUnsafeCodeAnalyzer>().AsNonLearnerCode().WithUnsafeBlocks().WithSourceCode(UsesPointers)
            .ExpectingNoDiagnostics().ValidateAsync();

    [Test]
    public Task Reports_unsafe_blocks_and_the_Unsafe_class() =>
        ProjectBuilder.For<DoNotUseUnsafeCodeAnalyzer>()
            .WithUnsafeBlocks()
            .WithSourceCode("""
                using System.Runtime.CompilerServices;

                class Raw
                {
                    public ulong Cast(ref long value)
                    {
                        [|unsafe|]
                        {
                        }

                        return [|Unsafe.As<long, ulong>|](ref value);
                    }
                }
                """)
            .ValidateAsync();

    [Test]
    public Task Does_not_report_stackalloc_into_a_span() =>
        ProjectBuilder.For<DoNotUseUnsafeCodeAnalyzer>()
            .WithSourceCode("""
                using System;

                class Safe
                {
                    public int Sum()
                    {
                        Span<byte> scratch = stackalloc byte[16];
                        return scratch.Length;
                    }
                }
                """)
            .ValidateAsync();
}
