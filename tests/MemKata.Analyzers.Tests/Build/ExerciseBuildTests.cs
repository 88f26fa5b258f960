using System.Diagnostics;
using MemKata.Analyzers.Tests.Infrastructure;

namespace MemKata.Analyzers.Tests.Build;

// A real `dotnet build` of a throwaway exercise project that references the analyzer assembly and imports
// build/MemKata.Analyzers.targets, as exercises do: proves that the SDK's compiler loads the analyzers (built against an
// older Roslyn than the SDK's) and that the MSBuild defaults reach them.
[Category("Integration")]
[NonParallelizable]
public class ExerciseBuildTests
{
    private const string LearnerFile = """
        public class Solution
        {
            public void Quit() => System.Environment.Exit(1);

            public ulong Malloc(ulong size) => throw new System.NotImplementedException();
        }
        """;

    private const string TestFile = """
        public class SolutionTests
        {
            public void Quit() => System.Environment.Exit(2);
        }
        """;

    private string _root = "";

    [SetUp]
    public void CreateExercise()
    {
        _root = Path.Combine(Path.GetTempPath(), "memkata-analyzers-" + Guid.NewGuid().ToString("N"));
        var exercise = Directory.CreateDirectory(Path.Combine(_root, "exercises", "sample")).FullName;
        File.WriteAllText(Path.Combine(exercise, "Sample.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Library</OutputType>
              </PropertyGroup>
              <ItemGroup>
                <Analyzer Include="{Path.Combine(AppContext.BaseDirectory, "MemKata.Analyzers.dll")}" />
              </ItemGroup>
              <Import Project="{Path.Combine(Repository.Root, "src", "MemKata.Analyzers", "build", "MemKata.Analyzers.targets")}" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(exercise, "Solution.cs"), LearnerFile);
        File.WriteAllText(Path.Combine(exercise, "SolutionTests.cs"), TestFile);
    }

    [TearDown]
    public void DeleteExercise() => Directory.Delete(_root, recursive: true);

    [Test]
    public void An_exercise_project_reports_on_the_learners_file_but_not_on_its_tests()
    {
        var output = Build();

        Assert.That(output, Does.Contain("Solution.cs(3,27): error MK0001"));
        Assert.That(output, Does.Not.Contain("SolutionTests.cs(3"));
    }

    [Test]
    public void Information_diagnostics_are_produced_though_the_console_does_not_print_them()
    {
        var log = Path.Combine(_root, "build.sarif");
        var output = Build("-p:ErrorLog=" + log);

        Assert.That(output, Does.Not.Contain("MK0013"));
        Assert.That(File.ReadAllText(log), Does.Contain("\"MK0013\""));
    }

    [Test]
    public void The_project_property_turns_learner_code_off()
    {
        var output = Build("-p:MemKataLearnerCode=false");

        Assert.That(output, Does.Not.Contain("MK0001"));
        Assert.That(output, Does.Contain("Build succeeded"));
    }

    private string Build(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(_root, "exercises", "sample"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["build", "--disable-build-servers", "-nodeReuse:false", "-p:UseSharedCompilation=false", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild variables would point the child build at the test run's MSBuild.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd() + stderr.Result;
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(3)), Is.True, "dotnet build took over 3 minutes");
        return output;
    }
}
