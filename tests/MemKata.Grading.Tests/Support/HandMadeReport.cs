using MemKata.Grading.Model;

namespace MemKata.Grading.Tests.Support;

/// <summary>Grade reports built by hand, for report tests that need no grading: a perfect submission of a 3-task
/// exercise whose task 3 is optional and worth nothing (as the allocator's "be glibc"), and variants of it.</summary>
internal static class HandMadeReport
{
    /// <summary>Task 1 (10 points, 3 tests), task 2 (20 points, 2 tests), optional task 3 (0 points, 2 tests that
    /// fail): everything required passes.</summary>
    public static GradeReport PerfectWithOptionalUnmet(string name = "alice")
    {
        GradedTest[] tests =
        [
            Test("A1", 1, TestStatus.Passed, 10.0 / 3),
            Test("A2", 1, TestStatus.Passed, 10.0 / 3),
            Test("A3", 1, TestStatus.Passed, 10.0 / 3),
            Test("B1", 2, TestStatus.Passed, 10),
            Test("B2", 2, TestStatus.Passed, 10),
            Test("C1", 3, TestStatus.Failed, 0, "trace 'x' differs from glibc at event 1") with { Optional = true },
            Test("C2", 3, TestStatus.Failed, 0, "trace 'y' differs from glibc at event 4") with { Optional = true },
        ];
        TaskScore[] tasks =
        [
            new(1, "One", 10, 10, 3, 3, true),
            new(2, "Two", 20, 20, 2, 2, true),
            new TaskScore(3, "Optional: three", 0, 0, 0, 2, true) { IsOptional = true },
        ];
        return new GradeReport("x", name, GradeOutcome.Graded, 30, 30, tasks, tests, [], [], TimeSpan.FromSeconds(1));
    }

    /// <summary>A report whose task 1 has <paramref name="failing"/> tests failing with the same cause (numbers apart),
    /// and one more failing with another cause.</summary>
    public static GradeReport RepeatedCause(int failing)
    {
        var tests = Enumerable.Range(0, failing)
            .Select(i => Test($"T{i}", 1, TestStatus.Failed, 1, $"malloc({i * 8}): the size word at p - 8 says the chunk has 0 bytes\n  detail {i}"))
            .Append(Test("Other", 2, TestStatus.Failed, 1, "free(0x10) must munmap(0x0, 4096)"))
            .ToList();
        TaskScore[] tasks = [new(1, "One", 0, failing, 0, failing, true), new(2, "Two", 0, 1, 0, 1, true)];
        return new GradeReport("x", "bob", GradeOutcome.Graded, 0, failing + 1, tasks, tests, [], [], TimeSpan.FromSeconds(1));
    }

    /// <summary>One graded test of task <paramref name="task"/> worth <paramref name="max"/>.</summary>
    public static GradedTest Test(string name, int task, TestStatus status, double max, string? message = null) =>
        new($"Ns.Fixture.{name}", name, task, TestKind.Task, status, status == TestStatus.Passed ? null : message ?? "no", null, 1,
            status == TestStatus.Passed ? max : 0, max);
}
