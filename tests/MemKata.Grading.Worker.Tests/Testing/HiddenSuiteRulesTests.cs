using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace MemKata.Grading.Worker.Tests.Testing;

/// <summary>The precondition of the pass rule (<c>PassRule</c>): a hidden suite never ends a test through NUnit's
/// exceptions, so "a test passes only by returning" costs an honest submission nothing.</summary>
public sealed partial class HiddenSuiteRulesTests
{
    [Test]
    public void No_hidden_suite_ends_a_test_by_Pass_Ignore_Inconclusive_Warn_or_Assume()
    {
        var graders = Path.Combine(RepositoryRoot(), "graders");
        var offenders = Directory.EnumerateFiles(graders, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => File.ReadAllLines(path).Select((line, i) => (path, line, i)))
            .Where(x => NotReturning().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(graders, x.path)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();

        Assert.That(offenders, Is.Empty);
    }

    [GeneratedRegex(@"\b(Assert\s*\.\s*(Pass|Ignore|Inconclusive|Warn)|Assume\s*\.|Warn\s*\.\s*(If|Unless))\b")]
    private static partial Regex NotReturning();

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
