namespace MemKata.Analyzers.Tests;

// What the compiler needs of the analyzer assembly to load it: netstandard2.0, a Roslyn no newer than the SDK's
// compiler (a newer reference makes the compiler skip the analyzers without an error), and nothing of MemKata's.
public class AnalyzerAssemblyTests
{
    private static readonly System.Reflection.AssemblyName[] References =
        typeof(RuleIdentifiers).Assembly.GetReferencedAssemblies();

    [Test]
    public void It_is_built_against_Roslyn_5_0()
    {
        var roslyn = References.Where(r => r.Name is "Microsoft.CodeAnalysis" or "Microsoft.CodeAnalysis.CSharp");

        Assert.That(roslyn.Select(r => r.Version), Is.Not.Empty.And.All.EqualTo(new Version(5, 0, 0, 0)));
    }

    [Test]
    public void It_targets_netstandard_and_references_no_MemKata_assembly()
    {
        Assert.That(References.Select(r => r.Name), Does.Contain("netstandard"));
        Assert.That(References.Select(r => r.Name), Has.None.StartsWith("MemKata."));
    }
}
