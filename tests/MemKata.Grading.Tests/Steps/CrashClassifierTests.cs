using MemKata.Grading.Steps;

namespace MemKata.Grading.Tests.Steps;

internal sealed class CrashClassifierTests
{
    private static readonly TimeSpan _limit = TimeSpan.FromSeconds(5);

    [TestCase("Stack overflow.\nRepeat 1000 times:\n--------------------------------\n   at Counter.AddStep(Int32, Int32)\n", 134, "stack overflow", "at Counter.AddStep(Int32, Int32)")]
    [TestCase("Process terminated. negative amounts are not supported\n   at System.Environment.FailFast(...)\n", 134, "Environment.FailFast: negative amounts are not supported", "Throw an exception instead")]
    [TestCase("Unhandled exception. System.InvalidOperationException: gave up\n   at ...\n", 134, "another thread", "System.InvalidOperationException: gave up")]
    [TestCase("", 137, "killed", "memory")]
    [TestCase("", 3, "exited early with code 3", "Environment.Exit")]
    public void Says_why_the_process_died(string stderr, int exitCode, string first, string second)
    {
        var reason = CrashClassifier.Describe(CrashClassifier.Kill.None, _limit, 512, exitCode, stderr);

        Assert.That(reason, Does.Contain(first).And.Contain(second));
    }

    [TestCase(CrashClassifier.Kill.TestTimeout, "5 s of computing")]
    [TestCase(CrashClassifier.Kill.TestWallTimeout, "no result after 15 s")]
    [TestCase(CrashClassifier.Kill.Memory, "more than 1024 MiB")]
    [TestCase(CrashClassifier.Kill.RunTimeout, "whole run")]
    public void A_kill_by_the_grader_says_which_limit(CrashClassifier.Kill kill, string expected)
    {
        var reason = CrashClassifier.Describe(kill, _limit, 512, 137, "");

        Assert.That(reason, Does.Contain(expected));
    }
}
