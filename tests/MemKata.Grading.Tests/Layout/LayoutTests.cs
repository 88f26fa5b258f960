using MemKata.Grading.Layout;
using MemKata.Grading.Tests.Support;
using MemKata.Tests.Shared;

namespace MemKata.Grading.Tests.Layout;

public sealed class LayoutTests
{
    [Test]
    public void Repository_root_is_found_from_a_folder_below_it()
    {
        var root = RepositoryRoot.Find(Path.Combine(TestData.RealRepository, "src", "MemKata.Grading"));

        Assert.That(root, Is.EqualTo(TestData.RealRepository));
    }

    [Test]
    public void No_repository_above_says_to_use_repo()
    {
        var error = Assert.Throws<GradingInputException>(() => RepositoryRoot.Find("/"));

        Assert.That(error!.Message, Does.Contain("--repo DIR"));
    }

    [Test]
    public void Grader_sources_are_the_graders_own_then_the_shared_folder()
    {
        var layout = ExerciseLayout.Load(TestData.FakeRepository, "counter");

        var sources = layout.GraderSources.Select(path => Path.GetRelativePath(TestData.FakeRepository, path).Replace('\\', '/'));

        Assert.That(sources, Is.EqualTo(new[]
        {
            "graders/counter/CounterGrader.cs", "graders/counter/Subject.cs", "graders/_shared/CounterMessages.cs", "graders/_shared/CounterSnapshot.cs",
        }));
    }

    [Test]
    public void The_shared_grader_folder_is_not_an_exercise()
    {
        var error = Assert.Throws<GradingInputException>(() => ExerciseLayout.Load(TestData.FakeRepository, ExerciseLayout.SharedGraderFolder));

        Assert.That(error!.Message, Does.Contain("'_shared' is not an exercise slug"));
    }

    [Test]
    public void Malformed_grader_json_names_the_file_and_line()
    {
        var repo = CounterRepository.Copy();
        try
        {
            File.WriteAllText(Path.Combine(repo, "graders", "counter", "grader.json"), "{\n  \"slug\": \"counter\",\n  \"tasks\": [ { \"number\": \"one\" } ]\n}");

            var error = Assert.Throws<GradingInputException>(() => ExerciseLayout.Load(repo, "counter"));

            Assert.That(error!.Message, Does.Contain("grader.json:3: not valid JSON"));
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }
}
