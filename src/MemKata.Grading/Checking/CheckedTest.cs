using MemKata.Grading.Model;

namespace MemKata.Grading.Checking;

/// <summary>One public test as <c>memkata check</c> ran it, in the order the tests ran.</summary>
/// <param name="Name">The short name a learner reads (method and arguments), as <c>dotnet test</c> names it.</param>
/// <param name="Task">The task of its <c>[Task(n)]</c> (on the test or its fixture), or null when untagged.</param>
/// <param name="Status">How it ended (the stub's <see cref="NotImplementedException"/> is
/// <see cref="TestStatus.NotImplemented"/>).</param>
/// <param name="Message">Why it did not pass, in grading's words (the assertion's message, then the learner's own stack
/// frames); null when it passed.</param>
public sealed record CheckedTest(string Name, int? Task, TestStatus Status, string? Message)
{
    /// <summary>True when the test passed.</summary>
    public bool Passed => Status == TestStatus.Passed;

    /// <summary>The first line of <see cref="Message"/> (empty when there is none): what a task-by-task summary
    /// shows.</summary>
    public string FirstLine => (Message ?? "").Split('\n')[0].TrimEnd();
}
