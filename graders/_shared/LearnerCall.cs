using System.Diagnostics;
using MemKata.Contracts;
using MemKata.Testing;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace MemKata.Graders.Shared;

/// <summary>
/// The membrane between a hidden suite and learner code (issue 10 §2): every call into the learner's component goes
/// through <see cref="Run{T}"/>, made by the component's guarded wrapper (<see cref="GuardedAllocator"/>,
/// <see cref="GuardedFaultHandler"/>, <see cref="GuardedReclaimPolicy"/>). What a call returns is passed on. An exception
/// the member's contract declares (<see cref="DeclaredExceptions"/>) is passed on as a fresh instance built from its data,
/// so nothing of the learner's object travels. Any other exception, NUnit's own included (a
/// <c>SuccessException</c> or an <c>IgnoreException</c> is as much a bug here as a <c>KeyNotFoundException</c>), fails
/// the test: the failure is recorded on the running test's result, where it stands even if test code catches what is
/// thrown (NUnit turns recorded assertion results into the outcome when the test method returns: TestMethodCommand,
/// TestResult.RecordTestCompletion), and a <see cref="LearnerFailure"/> is thrown to stop the test.
/// </summary>
internal static class LearnerCall
{
    private const int MaxText = 1000;

    /// <summary>Runs <paramref name="body"/>, a call of <paramref name="member"/> (its arguments described by
    /// <paramref name="arguments"/>, read only on failure), and returns what it returns.</summary>
    public static T Run<T>(string member, Func<T> body, Func<string>? arguments = null, DeclaredExceptions declared = DeclaredExceptions.None)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body();
        }
        catch (Exception e)
        {
            throw Refuse(member, arguments, declared, e);
        }
    }

    /// <summary>Runs <paramref name="body"/>, a call of <paramref name="member"/> that returns nothing.</summary>
    public static void Run(string member, Action body, Func<string>? arguments = null, DeclaredExceptions declared = DeclaredExceptions.None)
    {
        ArgumentNullException.ThrowIfNull(body);
        Run(member, () =>
        {
            body();
            return 0;
        }, arguments, declared);
    }

    private static Exception Refuse(string member, Func<string>? arguments, DeclaredExceptions declared, Exception thrown)
    {
        // Recorded already, by a guard deeper in the stack.
        if (thrown is LearnerFailure)
        {
            return thrown;
        }

        if (Copy(thrown, declared) is { } copy)
        {
            return copy;
        }

        var message = Describe(member, $"{member}({arguments?.Invoke()})", thrown);
        var trace = StackTraceOf(thrown);
        var result = TestExecutionContext.CurrentContext.CurrentResult;
        result.RecordAssertion(AssertionStatus.Failed, message, trace);
        result.RecordTestCompletion();
        return new LearnerFailure(result.Message, trace);
    }

    private static Exception? Copy(Exception thrown, DeclaredExceptions declared) => thrown switch
    {
        HeapCorruptionException e when declared.HasFlag(DeclaredExceptions.HeapCorruption) => new HeapCorruptionException(Cut(e.Message)),
        SegmentationFaultException e when declared.HasFlag(DeclaredExceptions.SegmentationFault) =>
            new SegmentationFaultException(e.Address, e.IsWrite, Cut(e.Reason)),
        ProcessKilledException e when declared.HasFlag(DeclaredExceptions.ProcessKilled) => new ProcessKilledException(e.Pid, Cut(e.Reason)),
        _ => null,
    };

    // What the learner reads. The stub's NotImplementedException keeps the wording the grader recognizes as "not
    // attempted" (Steps/TestMessages.cs); an OutOfMemoryException keeps the type name the grader turns into its
    // out-of-memory explanation; a SIGSEGV that reaches the suite is the learner's code touching memory it must not.
    private static string Describe(string member, string call, Exception thrown)
    {
        var type = thrown.GetType();
        var text = MessageOf(thrown);
        if (type == typeof(NotImplementedException))
        {
            return $"not implemented yet: {text}";
        }

        if (type == typeof(OutOfMemoryException))
        {
            return $"System.OutOfMemoryException : your {call} ran out of memory";
        }

        var task = TaskOfCurrentTest() is { } number ? $"Task {number}: " : "";
        if (type == typeof(SegmentationFaultException))
        {
            return $"{task}your {call} crashed the process: {text}";
        }

        var contract = type.Namespace == typeof(HeapCorruptionException).Namespace
            ? $" (its contract does not let {member} throw {type.Name})"
            : "";
        return $"{task}your {call} threw {type.Name}: {text}{contract}";
    }

    // [Task(n)] on a parameterized test sits on the method's suite, above its test cases.
    private static int? TaskOfCurrentTest()
    {
        for (ITest? test = TestExecutionContext.CurrentContext.CurrentTest; test is not null; test = test.Parent)
        {
            if (test.Properties.Get(TaskAttribute.PropertyName) is int number)
            {
                return number;
            }
        }

        return null;
    }

    // The learner's exception may override Message: read it once, guarded, and cut it.
    private static string MessageOf(Exception thrown)
    {
        try
        {
            return Cut(thrown.Message);
        }
        catch (Exception e)
        {
            return $"(reading its Message threw {e.GetType().Name})";
        }
    }

    // The frames as the runtime recorded them (Exception.StackTrace is virtual: a learner's type could override it).
    private static string? StackTraceOf(Exception thrown)
    {
        var trace = new StackTrace(thrown, fNeedFileInfo: true).ToString();
        return string.IsNullOrWhiteSpace(trace) ? null : trace;
    }

    private static string Cut(string? text) =>
        text is null ? "" : text.Length <= MaxText ? text : text[..MaxText] + " [... cut]";
}
