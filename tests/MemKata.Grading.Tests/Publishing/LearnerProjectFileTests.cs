using MemKata.Grading.Publishing;

namespace MemKata.Grading.Tests.Publishing;

public sealed class LearnerProjectFileTests
{
    private const string Exercise = """
        <Project Sdk="Microsoft.NET.Sdk">
          <ItemGroup>
            <PackageReference Include="NUnit" />
            <ProjectReference Include="../../src/MemKata.Engine/MemKata.Engine.csproj" />
            <ProjectReference Include="../../src/MemKata.Analyzers/MemKata.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
          </ItemGroup>
          <Import Project="../../src/MemKata.Analyzers/build/MemKata.Analyzers.targets" />
        </Project>
        """;

    [Test]
    public void Project_references_become_the_compiled_assemblies_in_the_starters_memkata_folder()
    {
        var rewritten = LearnerProjectFile.Rewrite(Exercise, "../../");

        Assert.Multiple(() =>
        {
            Assert.That(rewritten, Does.Not.Contain("ProjectReference").And.Not.Contain("src/"));
            Assert.That(rewritten, Does.Contain("""<Reference Include="MemKata.Engine"><HintPath>../../memkata/MemKata.Engine.dll</HintPath></Reference>"""));
            Assert.That(rewritten, Does.Contain("""<Analyzer Include="../../memkata/MemKata.Analyzers.dll" />"""));
            Assert.That(rewritten, Does.Contain("""<Import Project="../../memkata/build/MemKata.Analyzers.targets" />"""));
            Assert.That(rewritten, Does.Contain("""<PackageReference Include="NUnit" />"""));
        });
    }

    [Test]
    public void A_reference_outside_src_cannot_be_shipped_and_says_so()
    {
        var project = Exercise.Replace("../../src/MemKata.Engine/MemKata.Engine.csproj", "../other/Other.csproj", StringComparison.Ordinal);

        var error = Assert.Throws<GradingInputException>(() => LearnerProjectFile.Rewrite(project, "../../"));

        Assert.That(error!.Message, Does.Contain("../other/Other.csproj"));
    }

    [Test]
    public void The_tool_is_what_its_manifest_names_with_documentation_and_without_debug_symbols()
    {
        var files = PrebuiltTool.Files(AppContext.BaseDirectory);

        Assert.Multiple(() =>
        {
            Assert.That(files, Does.Contain("memkata.dll").And.Contain("MemKata.Engine.dll").And.Contain("MemKata.Engine.xml"));
            Assert.That(files, Does.Contain("MemKata.Grading.Worker.runtimeconfig.json").And.Contain("YamlDotNet.dll"));
            Assert.That(files.Where(f => f.EndsWith(".pdb", StringComparison.Ordinal) || f.Contains("Tests", StringComparison.Ordinal)), Is.Empty);
        });
    }

    [Test]
    public void A_folder_without_a_built_memkata_is_refused_with_the_reason()
    {
        var error = Assert.Throws<GradingInputException>(() => PrebuiltTool.Files(Path.GetTempPath()));

        Assert.That(error!.Message, Does.Contain("memkata.deps.json"));
    }
}
