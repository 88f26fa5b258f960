using MemKata.Grading.Layout;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Layout;

/// <summary><see cref="ExerciseLayout.FromExerciseDirectory"/>: an exercise folder gives its layout, with the grader
/// beside it; any other folder is refused with the reason.</summary>
public sealed class ExerciseDirectoryTests
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
}
