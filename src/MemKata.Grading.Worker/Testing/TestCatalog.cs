using MemKata.Grading.Worker.Protocol;
using MemKata.Testing;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace MemKata.Grading.Worker.Testing;

/// <summary>Lists the test cases of a loaded suite with what scoring needs: task number and categories.</summary>
internal static class TestCatalog
{
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
            tests.Add(new DiscoveredTest(test.FullName, test.Name, FindTask(test), Categories(test)));
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

    private static List<string> Categories(ITest test)
    {
        var categories = new List<string>();
        for (var node = test; node is not null; node = node.Parent)
        {
            categories.AddRange(node.Properties[PropertyNames.Category].OfType<string>());
        }

        return [.. categories.Distinct(StringComparer.Ordinal)];
    }
}
