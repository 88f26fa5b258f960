namespace MemKata.Grading.Model;

/// <summary>The limits a submission's test process runs under.</summary>
/// <param name="TestTimeout">Longest one test may run before the process is killed and the test failed as a timeout.</param>
/// <param name="RunTimeout">Longest the whole suite may take, across restarts; tests not reached by then do not run.</param>
/// <param name="MemoryMegabytes">The managed heap's hard limit (<c>DOTNET_GCHeapHardLimit</c>: the test gets an
/// <see cref="OutOfMemoryException"/>); the process is killed when its resident memory passes twice this.</param>
/// <param name="MaxRestarts">How many times a crashed test process is started again to run the remaining tests.</param>
public sealed record GradingLimits(TimeSpan TestTimeout, TimeSpan RunTimeout, int MemoryMegabytes, int MaxRestarts)
{
    /// <summary>Longest one submission may take to compile and analyze (wall clock) before it gets "your code took too
    /// long to compile"; 30 s unless set.</summary>
    public TimeSpan CompileTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>5 s per test, 60 s per suite, 512 MiB of managed heap, 10 restarts.</summary>
    public static GradingLimits Default { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60), 512, 10);

    /// <summary>These limits with the grader's own overrides from <c>grader.json</c> applied.</summary>
    public GradingLimits With(Layout.GraderLimits? overrides) => overrides is null
        ? this
        : this with
        {
            TestTimeout = overrides.TestSeconds is { } test ? TimeSpan.FromSeconds(test) : TestTimeout,
            RunTimeout = overrides.RunSeconds is { } run ? TimeSpan.FromSeconds(run) : RunTimeout,
            MemoryMegabytes = overrides.MemoryMegabytes ?? MemoryMegabytes,
        };
}
