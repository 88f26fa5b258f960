using MemKata.Analyzers.Rules;
using MemKata.Analyzers.Tests.Infrastructure;

namespace MemKata.Analyzers.Tests.Rules;

public class DoNotUseThreadsOrTimersAnalyzerTests
{
    private const string WorksInTheBackground = """
        using System.Threading;
        using System.Threading.Tasks;

        class Background
        {
            public void Run()
            {
                new [|Thread|](() => { }).Start();
                [|ThreadPool.QueueUserWorkItem|](_ => { });
                [|Task.Run|](() => { });
                [|Task.Factory|].StartNew(() => { });
                [|Parallel.For|](0, 10, _ => { });
                using var timer = new [|Timer|](_ => { }, null, 0, 10);
                [|Thread.Sleep|](10);
            }
        }
        """;

    [Test]
    public Task Reports_threads_the_pool_tasks_parallel_and_timers() =>
        ProjectBuilder.For<DoNotUseThreadsOrTimersAnalyzer>().WithSourceCode(WorksInTheBackground).ValidateAsync();

    [Test]
    public Task Does_not_report_threads_outside_learner_code() =>
        ProjectBuilder.For<DoNotUseThreadsOrTimersAnalyzer>().AsNonLearnerCode().WithSourceCode(WorksInTheBackground)
            .ExpectingNoDiagnostics().ValidateAsync();

    [Test]
    public Task Does_not_report_locks_or_completed_tasks() =>
        ProjectBuilder.For<DoNotUseThreadsOrTimersAnalyzer>()
            .WithSourceCode("""
                using System.Threading.Tasks;

                class Honest
                {
                    private readonly object _gate = new();

                    public Task<int> Run()
                    {
                        lock (_gate)
                        {
                            return Task.FromResult(1);
                        }
                    }
                }
                """)
            .ValidateAsync();
}
