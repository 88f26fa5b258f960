using MemKata.Analyzers.Rules;
using MemKata.Analyzers.Tests.Infrastructure;

namespace MemKata.Analyzers.Tests.Rules;

public class DoNotUseTheEngineAnalyzerTests
{
    private const string WrapsTheReference = """
        using MemKata.Contracts;
        using [|MemKata.Engine.Libc|];

        class MyAllocator(IProcessMemory memory) : IAllocator
        {
            private readonly IAllocator _inner = new [|GlibcMalloc|]((MemKata.Engine.Memory.SimulatedProcessMemory)memory);

            public ulong Malloc(ulong size) => _inner.Malloc(size);
            public void Free(ulong pointer) => _inner.Free(pointer);
            public ulong Realloc(ulong pointer, ulong size) => _inner.Realloc(pointer, size);
            public ulong Calloc(ulong count, ulong size) => _inner.Calloc(count, size);
        }
        """;

    [Test]
    public Task Reports_the_engine_namespace_and_its_types() =>
        ProjectBuilder.For<DoNotUseTheEngineAnalyzer>()
            .WithSourceCode(WrapsTheReference.Replace("(MemKata.Engine.Memory.SimulatedProcessMemory)",
                "([|MemKata.Engine.Memory.SimulatedProcessMemory|])", StringComparison.Ordinal))
            .ValidateAsync();

    [Test]
    public Task Does_not_report_the_engine_outside_learner_code() =>
        ProjectBuilder.For<DoNotUseTheEngineAnalyzer>().AsNonLearnerCode().WithSourceCode(WrapsTheReference)
            .ExpectingNoDiagnostics().ValidateAsync();

    [Test]
    public Task Reports_engine_names_even_when_the_engine_is_not_referenced() =>
        ProjectBuilder.For<DoNotUseTheEngineAnalyzer>()
            .IgnoringCompilerErrors()
            .WithSourceCode("""
                using [|MemKata.Engine.Kernel.Secret|];

                class Sneaky
                {
                    private readonly object _reference = new [|MemKata.Engine.Kernel.Secret.Oracle|]();
                }
                """)
            .ValidateAsync();

    [Test]
    public Task Does_not_report_the_contracts() =>
        ProjectBuilder.For<DoNotUseTheEngineAnalyzer>()
            .WithSourceCode("""
                using MemKata.Contracts;

                class Honest(IProcessMemory memory)
                {
                    public ulong Grow() => memory.Sbrk((long)memory.PageSize) is var old && old == Syscall.Failed ? Syscall.Null : old;
                }
                """)
            .ValidateAsync();
}
