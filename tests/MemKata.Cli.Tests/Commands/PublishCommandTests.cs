using MemKata.Grading.Layout;
using MemKata.Grading.Publishing;
using MemKata.Tests.Shared;

namespace MemKata.Cli.Tests.Commands;

public sealed class PublishCommandTests
{
    [Test]
    public void Publishes_the_exercise_without_its_reference_grader_or_snapshots()
    {
        var output = Path.Combine(Path.GetTempPath(), $"memkata-publish-{Guid.NewGuid():N}");
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();

            var exitCode = CliApp.Run(["publish", "--out", output, "--repo", CounterRepository.Root], stdout, stderr);

            var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
                .ToList();
            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), stderr.ToString());
                Assert.That(files, Does.Contain("exercises/counter/Counter.cs"));
                Assert.That(files, Does.Contain("exercises/counter/.docs/instructions.md"));
                Assert.That(files, Does.Contain("MemKata.sln"));
                Assert.That(files, Does.Contain(".github/workflows/tests.yml"));
                Assert.That(files.Where(StarterRepository.IsForbidden), Is.Empty);
                Assert.That(files.Where(f => f.StartsWith("graders/", StringComparison.Ordinal) || f.Contains("/.meta/", StringComparison.Ordinal)), Is.Empty);
                Assert.That(files.Where(f => f.Contains("_shared", StringComparison.Ordinal) || f.EndsWith("CounterMessages.cs", StringComparison.Ordinal)), Is.Empty);
                Assert.That(File.ReadAllText(Path.Combine(output, ".github/workflows/tests.yml")), Does.Contain("dotnet test exercises/counter"));
            });
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Test]
    public void Published_exercise_keeps_a_learner_manifest_without_the_reference()
    {
        var output = Path.Combine(Path.GetTempPath(), $"memkata-publish-{Guid.NewGuid():N}");
        try
        {
            StarterRepository.Publish(CounterRepository.Root, output, AppContext.BaseDirectory);

            var published = Path.Combine(output, "exercises", "counter");
            var layout = ExerciseLayout.FromExerciseDirectory(published);
            Assert.Multiple(() =>
            {
                Assert.That(File.ReadAllText(Path.Combine(published, LearnerExerciseConfig.FileName)), Does.Not.Contain("Example"));
                Assert.That(layout.Config.Component?.Type, Is.EqualTo("Counter"));
                Assert.That(layout.Config.Files.Solution, Is.EqualTo(new[] { "Counter.cs" }));
                Assert.That(layout.Config.Files.Example, Is.Null);
                Assert.That(layout.Config.Tasks?.Select(t => t.Title), Is.EqualTo(new[] { "Count up", "Add and describe" }));
            });
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [TestCase("grade", "counter")]
    [TestCase("snapshots", "update", "counter")]
    [TestCase("publish", "--out", "PUBLISH")]
    public void Instructor_commands_refuse_a_starter_repository_in_one_line(params string[] command)
    {
        var output = Path.Combine(Path.GetTempPath(), $"memkata-publish-{Guid.NewGuid():N}");
        var again = output + "-again";
        try
        {
            StarterRepository.Publish(CounterRepository.Root, output, AppContext.BaseDirectory);
            var stderr = new StringWriter();

            var arguments = command.Select(a => a == "PUBLISH" ? again : a).Concat(["--repo", output]).ToArray();
            var exitCode = CliApp.Run(arguments, new StringWriter(), stderr);

            var name = command[0] == "snapshots" ? "snapshots update" : command[0];
            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(ExitCodes.UsageError));
                Assert.That(stderr.ToString().TrimEnd().Split('\n'), Has.Length.EqualTo(1).And.One.StartsWith($"memkata: {name} is for instructors"));
                Assert.That(Directory.Exists(again), Is.False);
            });
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Test]
    public void Refuses_a_folder_that_is_not_empty()
    {
        var output = Path.Combine(Path.GetTempPath(), $"memkata-publish-{Guid.NewGuid():N}");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "old.txt"), "old");
        try
        {
            var stderr = new StringWriter();

            var exitCode = CliApp.Run(["publish", "--out", output, "--repo", CounterRepository.Root], new StringWriter(), stderr);

            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(ExitCodes.UsageError));
                Assert.That(stderr.ToString(), Does.Contain("is not empty"));
            });
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
