using System.Runtime.ExceptionServices;
using NUnit.Framework;

namespace MemKata.Grading.Worker.Testing;

/// <summary>
/// A test passes only by returning normally. NUnit records <c>Assert.Pass</c> as a success, and it is an exception
/// (<see cref="SuccessException"/>) that code can throw from anywhere: learner code that reaches NUnit's types (through
/// reflection, which the analyzers and the image check refuse) could end a test as passed without it checking
/// anything. So every exception thrown while a test runs is watched (first chance, any thread), and a success after a
/// <see cref="SuccessException"/> is a failure; NUnit's other endings that are not a failure (ignored, inconclusive,
/// warning) are failures too. Hidden suites never call <c>Assert.Pass</c> (a test checks that).
/// </summary>
internal sealed class PassRule
{
    private volatile bool _watching;
    private volatile bool _successThrown;

    /// <summary>Starts watching the exceptions of this process.</summary>
    public PassRule() => AppDomain.CurrentDomain.FirstChanceException += Seen;

    /// <summary>A test is starting: forget the last one's exceptions.</summary>
    public void TestStarting()
    {
        _successThrown = false;
        _watching = true;
    }

    /// <summary>The test ended as NUnit says (<paramref name="status"/>, <paramref name="label"/>): the status the
    /// grader is sent (<c>Passed</c>, or NUnit's own), and the message that replaces NUnit's when the rule turned a
    /// success into a failure.</summary>
    public (string Status, string? Message) Judge(NUnit.Framework.Interfaces.TestStatus status, string label)
    {
        _watching = false;
        var nunit = string.IsNullOrEmpty(label) ? status.ToString() : $"{status}:{label}";
        return status switch
        {
            NUnit.Framework.Interfaces.TestStatus.Passed when _successThrown =>
                ("Failed:NotReturned", "the test ended through NUnit's SuccessException (Assert.Pass), not by returning: a test " +
                    "can only pass by returning normally."),
            NUnit.Framework.Interfaces.TestStatus.Passed => ("Passed", null),
            NUnit.Framework.Interfaces.TestStatus.Failed => (nunit, null),
            _ => ($"Failed:{nunit}", $"the test ended as {nunit}, not by returning: a test can only pass by returning normally."),
        };
    }

    private void Seen(object? sender, FirstChanceExceptionEventArgs e)
    {
        if (_watching && e.Exception is SuccessException)
        {
            _successThrown = true;
        }
    }
}
