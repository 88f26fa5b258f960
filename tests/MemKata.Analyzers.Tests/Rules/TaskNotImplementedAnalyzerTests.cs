using MemKata.Analyzers.Rules;
using MemKata.Analyzers.Tests.Infrastructure;

namespace MemKata.Analyzers.Tests.Rules;

public class TaskNotImplementedAnalyzerTests
{
    private const string Stub = """
        using System;
        using MemKata.Contracts;

        class MyAllocator(IProcessMemory memory) : IAllocator
        {
            public ulong [|Malloc|](ulong size) => throw new NotImplementedException("You need to implement this method.");

            public void [|Free|](ulong pointer)
            {
                throw new NotImplementedException();
            }

            public ulong Realloc(ulong pointer, ulong size)
            {
                if (pointer == 0) return Malloc(size);
                throw new NotImplementedException();
            }

            public ulong Calloc(ulong count, ulong size) => memory.PageSize;

            public ulong Heap { [|get|] => throw new NotImplementedException(); }
        }
        """;

    [Test]
    public Task Reports_members_whose_whole_body_throws_NotImplementedException() =>
        ProjectBuilder.For<TaskNotImplementedAnalyzer>().WithSourceCode(Stub).ValidateAsync();

    [Test]
    public Task Does_not_report_stubs_outside_learner_code() =>
        ProjectBuilder.For<TaskNotImplementedAnalyzer>().AsNonLearnerCode().WithSourceCode(Stub)
            .ExpectingNoDiagnostics().ValidateAsync();

    [Test]
    public Task Does_not_report_other_exceptions() =>
        ProjectBuilder.For<TaskNotImplementedAnalyzer>()
            .WithSourceCode("""
                using System;

                class Honest
                {
                    public void Free(ulong pointer) => throw new InvalidOperationException("free(): invalid pointer");
                    public void Trim() => throw new NotSupportedException();
                }
                """)
            .ValidateAsync();
}
