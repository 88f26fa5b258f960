using MemKata.Grading.Worker.Protocol;
using MemKata.Testing;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace MemKata.Grading.Worker;

/// <summary>Lists the test cases of a loaded suite with what scoring needs: task number and whether it is a snapshot
/// check.</summary>
internal static class TestCatalog
{
    /// <summary>The NUnit category that marks a snapshot check (<c>[Category("Snapshot")]</c>).</summary>
    public const string SnapshotCategory = "Snapshot";

    /// <summary>Every test case under <paramref name="root"/>, in the order NUnit runs them.</summary>
    public static List<DiscoveredTest> List(ITest root)
    {
        var tests = new List<DiscoveredTest>();
        Walk(root, tests);
        return tests;
    }

    private static void Walk(ITest test, List<DiscoveredTest> tests)
    {
        if (!test.IsSuite)
        {
            tests.Add(new DiscoveredTest(test.FullName, test.Name, FindTask(test), IsSnapshot(test)));
            return;
        }

        foreach (var child in test.Tests)
        {
            Walk(child, tests);
        }
    }

    // [Task(n)] on the method wins over [Task(n)] on its fixture.
    private static int? FindTask(ITest test)
    {
        for (var node = test; node is not null; node = node.Parent)
        {
            if (node.Properties.Get(TaskAttribute.PropertyName) is int task)
            {
                return task;
            }
        }

        return null;
    }

    private static bool IsSnapshot(ITest test)
    {
        for (var node = test; node is not null; node = node.Parent)
        {
            if (node.Properties[PropertyNames.Category].Contains(SnapshotCategory))
            {
                return true;
            }
        }

        return false;
    }
}
