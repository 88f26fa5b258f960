using MemKata.Analyzers.Rules;
using MemKata.Analyzers.Tests.Infrastructure;

namespace MemKata.Analyzers.Tests.Rules;

public class DoNotUseReflectionAnalyzerTests
{
    private const string CallsTheReferenceThroughReflection = """
        using System;

        class Sneaky
        {
            public object? Run()
            {
                var type = [|Type.GetType|]("MemKata.Engine.Libc.GlibcMalloc, MemKata.Engine");
                var instance = [|Activator.CreateInstance|](type!);
                var malloc = [|typeof(Sneaky).GetMethod|]("Run");
                return malloc!.Invoke(instance, null);
            }
        }
        """;

    [Test]
    public Task Reports_type_lookup_by_name_activation_and_invocation() =>
        ProjectBuilder.For<DoNotUseReflectionAnalyzer>().WithSourceCode(CallsTheReferenceThroughReflection).ValidateAsync();

    [Test]
    public Task Does_not_report_reflection_outside_learner_code() =>
        ProjectBuilder.For<DoNotUseReflectionAnalyzer>().AsNonLearnerCode().WithSourceCode(CallsTheReferenceThroughReflection)
            .ExpectingNoDiagnostics().ValidateAsync();

    [Test]
    public Task Reports_reaching_an_assembly_through_a_type() =>
        ProjectBuilder.For<DoNotUseReflectionAnalyzer>()
            .WithSourceCode("""
                class Sneaky
                {
                    public int Count() => [|typeof(Sneaky).Assembly|].GetTypes().Length;
                }
                """)
            .ValidateAsync();

    [Test]
    public Task Does_not_report_typeof_GetType_or_assembly_metadata() =>
        ProjectBuilder.For<DoNotUseReflectionAnalyzer>()
            .WithSourceCode("""
                [assembly: System.Reflection.AssemblyDescription("my allocator")]

                class Honest
                {
                    public string Describe(object value) => value.GetType().Name + typeof(Honest).Name;
                }
                """)
            .ValidateAsync();

    [Test]
    public Task Leaves_the_entry_and_calling_assembly_to_MK0010() =>
        ProjectBuilder.For<DoNotUseReflectionAnalyzer>()
            .WithSourceCode("""
                class Sneaky
                {
                    public object? Who() => System.Reflection.Assembly.GetEntryAssembly();
                }
                """)
            .ValidateAsync();

    [Test]
    public Task Reports_dynamic_and_unsafe_accessors() =>
        ProjectBuilder.For<DoNotUseReflectionAnalyzer>()
            .WithSourceCode("""
                using System.Runtime.CompilerServices;
                using MemKata.Contracts;

                static class Sneaky
                {
                    public static object Peek(IProcessMemory memory) => (([|dynamic|])memory).Mappings;

                    [[|UnsafeAccessor|](UnsafeAccessorKind.Field, Name = "_pages")]
                    private static extern ref object Pages(object memory);
                }
                """)
            .ValidateAsync();
}
