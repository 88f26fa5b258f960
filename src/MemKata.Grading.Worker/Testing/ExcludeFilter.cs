using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace MemKata.Grading.Worker.Testing;

/// <summary>An NUnit filter that runs every test except those named: the grader resumes a suite after a crash by
/// excluding the tests that already reported and the one that crashed.</summary>
internal sealed class ExcludeFilter(IReadOnlySet<string> excluded) : TestFilter
{
    private readonly IReadOnlySet<string> _excluded = excluded;

    /// <inheritdoc/>
    public override bool Match(ITest test) => test.IsSuite || !_excluded.Contains(test.FullName);

    /// <inheritdoc/>
    public override bool Pass(ITest test, bool negated) =>
        test.IsSuite ? HasIncludedTest(test) : Match(test);

    /// <inheritdoc/>
    public override TNode AddToXml(TNode parentNode, bool recursive) => parentNode.AddElement("exclude-filter");

    private bool HasIncludedTest(ITest suite) =>
        suite.Tests.Any(t => t.IsSuite ? HasIncludedTest(t) : !_excluded.Contains(t.FullName));
}
