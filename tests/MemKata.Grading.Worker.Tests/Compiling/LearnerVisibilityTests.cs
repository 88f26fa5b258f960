using MemKata.Grading.Worker.Compiling;
using Microsoft.CodeAnalysis.CSharp;

namespace MemKata.Grading.Worker.Tests.Compiling;

/// <summary>The second layer behind the extern alias: every public top-level learner type but the component becomes
/// internal, lines unchanged.</summary>
public sealed class LearnerVisibilityTests
{
    [Test]
    public void Every_public_top_level_type_but_the_component_becomes_internal()
    {
        var tree = CSharpSyntaxTree.ParseText("public class Allocator { public class Nested { } }\npublic static class Assert { }\nnamespace N { public record Is; }\n");

        var text = LearnerVisibility.HideAllBut(tree, "Allocator").ToString();

        Assert.That(text, Is.EqualTo("public class Allocator { public class Nested { } }\ninternal static class Assert { }\nnamespace N { internal record Is; }\n"));
    }

    [Test]
    public void Without_a_component_nothing_changes()
    {
        var tree = CSharpSyntaxTree.ParseText("public static class Assert { }");

        Assert.That(LearnerVisibility.HideAllBut(tree, null), Is.SameAs(tree));
    }
}
