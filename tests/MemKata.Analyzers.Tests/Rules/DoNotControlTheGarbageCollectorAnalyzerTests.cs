using MemKata.Analyzers.Rules;
using MemKata.Analyzers.Tests.Infrastructure;

namespace MemKata.Analyzers.Tests.Rules;

public class DoNotControlTheGarbageCollectorAnalyzerTests
{
    private const string PlaysWithTheGc = """
        using System;
        using System.Runtime.InteropServices;

        class Tricks
        {
            public void Free(byte[] block)
            {
                var handle = [|GCHandle.Alloc|](block, GCHandleType.Pinned);
                handle.Free();
                [|GC.Collect|]();
                var pinned = [|GC.AllocateArray<byte>|](4096, pinned: true);
            }
        }
        """;

    [Test]
    public Task Reports_collections_pinning_and_handles() =>
        ProjectBuilder.For<DoNotControlTheGarbageCollectorAnalyzer>().WithSourceCode(PlaysWithTheGc).ValidateAsync();

    [Test]
    public Task Does_not_report_the_gc_outside_learner_code() =>
        ProjectBuilder.For<DoNotControlTheGarbageCollectorAnalyzer>().AsNonLearnerCode().WithSourceCode(PlaysWithTheGc)
            .ExpectingNoDiagnostics().ValidateAsync();

    [Test]
    public Task Does_not_report_ordinary_disposal() =>
        ProjectBuilder.For<DoNotControlTheGarbageCollectorAnalyzer>()
            .WithSourceCode("""
                using System.IO;

                class Honest
                {
                    public long Length()
                    {
                        using var memory = new MemoryStream();
                        return memory.Length;
                    }
                }
                """)
            .ValidateAsync();
}
