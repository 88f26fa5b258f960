using MemKata.Contracts.Kernel;
using MemKata.Grading.Layout;
using MemKata.Grading.Steps;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Steps;

/// <summary><see cref="ComponentLoader"/> and <see cref="ExerciseLayout.FromExerciseDirectory"/>: the learner's files
/// compiled as grading compiles them, and their component found by name, or the problems that stop it.</summary>
public sealed class ComponentLoaderTests
{
    private static string FaultHandlerExercise => Path.Combine(TestData.RealRepository, "exercises", "fault-handler");

    [Test]
    public void An_exercise_folder_gives_its_layout_with_the_grader_beside_it()
    {
        var layout = ExerciseLayout.FromExerciseDirectory(FaultHandlerExercise);

        Assert.Multiple(() =>
        {
            Assert.That(layout.Slug, Is.EqualTo("fault-handler"));
            Assert.That(layout.Config.Component!.Type, Is.EqualTo("FaultHandler"));
            Assert.That(layout.GraderDirectory, Is.EqualTo(Path.Combine(TestData.RealRepository, "graders", "fault-handler")));
            Assert.That(layout.Manifest.Tasks, Is.Not.Empty);
        });
    }

    [Test]
    public void A_folder_without_a_manifest_is_not_an_exercise()
    {
        var error = Assert.Throws<GradingInputException>(() => ExerciseLayout.FromExerciseDirectory(Path.Combine(TestData.RealRepository, "docs")));

        Assert.That(error!.Message, Does.Contain("is not an exercise folder: it has no .meta/config.json"));
    }

    [Test]
    public void The_stub_compiles_and_its_component_implements_the_contract()
    {
        var result = ComponentLoader.Load(ExerciseLayout.FromExerciseDirectory(FaultHandlerExercise), FaultHandlerExercise);

        Assert.Multiple(() =>
        {
            Assert.That(result.Problems, Is.Empty);
            Assert.That(result.Component!.Name, Is.EqualTo("FaultHandler"));
            Assert.That(typeof(IPageFaultHandler).IsAssignableFrom(result.Component), Is.True, "the contract is this process's MemKata.Contracts");
        });
    }

    [Test]
    public void A_missing_file_and_a_compile_error_are_problems_not_exceptions()
    {
        var layout = ExerciseLayout.FromExerciseDirectory(FaultHandlerExercise);
        var folder = Path.Combine(Path.GetTempPath(), $"memkata-loader-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var missing = ComponentLoader.Load(layout, folder);
            File.WriteAllText(Path.Combine(folder, "FaultHandler.cs"), "public sealed class FaultHandler {\n  int X => y;\n}\n");
            var broken = ComponentLoader.Load(layout, folder);

            Assert.Multiple(() =>
            {
                Assert.That(missing.Component, Is.Null);
                Assert.That(missing.Problems.Single().Id, Is.EqualTo(SubmissionFiles.MissingFileId));
                Assert.That(broken.Component, Is.Null);
                Assert.That(broken.Problems.Single().ToString(), Does.StartWith("FaultHandler.cs:2:12: error CS0103"));
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
