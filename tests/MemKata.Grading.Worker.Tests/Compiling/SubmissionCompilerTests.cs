using MemKata.Grading.Worker.Protocol;
using MemKata.Grading.Worker.Tests.Support;
using MemKata.Testing;

namespace MemKata.Grading.Worker.Tests.Compiling;

/// <summary>The compile job's two assemblies: the learner's alone, then the hidden suite with the learner's assembly
/// under the extern alias <c>learner</c>, so no learner type enters the suite's global namespace; the committed
/// snapshots go into the suite as resources.</summary>
public sealed class SubmissionCompilerTests
{
    private const string Component = "public class Widget { public int Size => 3; }";

    [Test]
    public void The_suite_reaches_the_learners_component_only_through_the_alias()
    {
        var compiler = Suites.Compiler("Widget", [("graders/sample/Subject.cs", """
            extern alias learner;
            internal static class Subject { public static int Size() => new learner::Widget().Size; }
            """)]);

        var (learner, suite, problems) = Suites.Compile(compiler, Component);

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(learner, Is.Not.Null);
            Assert.That(suite, Is.Not.Null);
        });
    }

    [Test]
    public void A_learner_type_named_in_the_global_namespace_does_not_compile_and_the_message_names_no_hidden_file()
    {
        var compiler = Suites.Compiler("Widget", [("graders/sample/Tests.cs", "internal static class Use { public static int Size() => new global::Widget().Size; }")]);

        var (_, suite, problems) = Suites.Compile(compiler, Component);

        Assert.Multiple(() =>
        {
            Assert.That(suite, Is.Null);
            Assert.That(problems.Single().Id, Is.EqualTo("MKG002"));
            Assert.That(problems.Single().Message, Does.Contain("Widget").And.Not.Contain("graders/"));
        });
    }

    [Test]
    public void Public_tests_name_the_learners_component_as_dotnet_test_does_and_their_errors_name_their_file()
    {
        var compiler = Suites.Compiler("Widget", [("WidgetTests.cs", """
            internal static class Use
            {
                public static int Size() => new Widget().Size;
                public static int Missing() => new Widget().Length;
            }
            """)], publicTests: true);

        var (learner, suite, problems) = Suites.Compile(compiler, Component);

        var error = problems.Single();
        Assert.Multiple(() =>
        {
            Assert.That(learner, Is.Not.Null);
            Assert.That(suite, Is.Null);
            Assert.That((error.File, error.Line, error.Column, error.Id), Is.EqualTo(("WidgetTests.cs", 4, 49, "CS1061")), error.Message);
            Assert.That(error.Message, Does.Contain("Length"));
        });
    }

    [Test]
    public void A_learners_public_Assert_does_not_stand_in_for_NUnits_even_without_the_visibility_rewrite()
    {
        // No component: LearnerVisibility leaves every type public, so the alias alone keeps Assert out of the suite.
        var compiler = Suites.Compiler(null, [("graders/sample/Tests.cs", """
            public sealed class SampleTests
            {
                [Test]
                public void Checks() => Assert.That(1, Is.EqualTo(1));
            }
            """)]);

        var (_, suite, problems) = Suites.Compile(compiler, "public static class Assert { public static void That(int a, object b) { } }");

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(TypeReferences(suite!), Does.Contain("nunit.framework: NUnit.Framework.Assert").And.Not.Contain("MemKata.Submission: Assert"),
                "Assert is NUnit's");
        });
    }

    [Test]
    public void Committed_snapshots_are_resources_of_the_suite()
    {
        var compiler = Suites.Compiler("Widget", [("graders/sample/Tests.cs", "internal static class Nothing { }")],
            [new EmbeddedFile(SnapshotChannel.ResourcePrefix + "one.snap", "\uFEFF{ }\n"u8.ToArray())]);

        var (_, suite, _) = Suites.Compile(compiler, Component);

        var assembly = System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromStream(new MemoryStream(suite!));
        Assert.That(SnapshotChannel.Expected(assembly, "one.snap"), Is.EqualTo("{ }\n"));
    }

    [Test]
    public void A_learners_compile_error_names_the_learners_file_line_and_column()
    {
        var compiler = Suites.Compiler("Widget", []);

        var (learner, _, problems) = Suites.Compile(compiler, "public class Widget {\n  int Size => missing;\n}");

        Assert.Multiple(() =>
        {
            Assert.That(learner, Is.Null);
            Assert.That(problems.Single(), Is.EqualTo(new CompileProblem("Learner.cs", 2, 15, "CS0103", "The name 'missing' does not exist in the current context", true)));
        });
    }

    // Each type the image refers to, as "assembly: namespace.name".
    private static List<string> TypeReferences(byte[] image)
    {
        using var reader = new System.Reflection.PortableExecutable.PEReader(new MemoryStream(image));
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader);
        return
        [
            .. metadata.TypeReferences.Select(metadata.GetTypeReference)
                .Where(type => type.ResolutionScope.Kind == System.Reflection.Metadata.HandleKind.AssemblyReference)
                .Select(type =>
                {
                    var assembly = metadata.GetAssemblyReference((System.Reflection.Metadata.AssemblyReferenceHandle)type.ResolutionScope);
                    var ns = metadata.GetString(type.Namespace);
                    return $"{metadata.GetString(assembly.Name)}: {(ns.Length == 0 ? "" : ns + ".")}{metadata.GetString(type.Name)}";
                }),
        ];
    }

    [Test]
    public void A_suite_kept_for_a_learner_surface_is_byte_for_byte_the_one_a_fresh_compile_gives()
    {
        var sources = new[] { ("graders/sample/Subject.cs", """
            extern alias learner;
            internal static class Subject { public static int Size() => new learner::Widget().Size; }
            """) };
        var session = Suites.Compiler("Widget", sources);
        var (_, first, _) = Suites.Compile(session, Component);

        // Another body, the same public surface: the session's kept suite, equal to what a new session compiles.
        const string sameSurface = "public class Widget { public int Size => 3 + 4; }";
        var (_, kept, _) = Suites.Compile(session, sameSurface);
        var (_, fresh, _) = Suites.Compile(Suites.Compiler("Widget", sources), sameSurface);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.Not.Null);
            Assert.That(kept, Is.EqualTo(first));
            Assert.That(kept, Is.EqualTo(fresh));
        });
    }

    [Test]
    public void A_changed_learner_surface_compiles_the_suite_again_in_the_same_session()
    {
        var session = Suites.Compiler("Widget", [("graders/sample/Subject.cs", """
            extern alias learner;
            internal static class Subject { public static int Size() => new learner::Widget().Size; }
            """)]);
        _ = Suites.Compile(session, Component);

        var (_, suite, problems) = Suites.Compile(session, "public class Widget { public int Length => 3; }");

        Assert.Multiple(() =>
        {
            Assert.That(suite, Is.Null);
            Assert.That(problems.Single().Id, Is.EqualTo("MKG002"));
        });
    }
}
