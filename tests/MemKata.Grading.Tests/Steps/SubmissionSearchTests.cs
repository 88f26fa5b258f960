using MemKata.Grading.Layout;
using MemKata.Grading.Steps;

namespace MemKata.Grading.Tests.Steps;

/// <summary>The declared file is found wherever a learner's repository puts it, and every collect check still holds
/// for what the search finds.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class SubmissionSearchTests
{
    private static readonly ExerciseConfig _config = new("counter", null, new ExerciseFiles(["Counter.cs"], null, null), null);

    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("memkata-search-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [TestCase("exercises/counter/Counter.cs")]
    [TestCase("memkata-starter-ann/exercises/counter/Counter.cs")]
    [TestCase("src/Counter.cs")]
    public void A_repository_layout_is_searched(string where)
    {
        Write(where, "class Counter { }");
        Write("README.md", "# my work");
        Write(".git/objects/Counter.cs", "not this one");

        var (files, problems) = SubmissionFiles.Collect(_config, _folder);

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(files.Single(), Is.EqualTo(("Counter.cs", "class Counter { }")));
        });
    }

    [Test]
    public void Among_several_the_one_in_the_exercise_folder_wins()
    {
        Write("exercises/counter/Counter.cs", "class Counter { }");
        Write("backup/old/Counter.cs", "old");

        var (files, problems) = SubmissionFiles.Collect(_config, _folder);

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(files.Single().Text, Is.EqualTo("class Counter { }"));
        });
    }

    [Test]
    public void Two_candidates_anywhere_else_are_ambiguous_and_both_are_named()
    {
        Write("a/Counter.cs", "one");
        Write("b/Counter.cs", "two");

        var problem = SingleProblem();

        Assert.That(problem, Does.Contain("found 2 files named Counter.cs and cannot tell which is yours: a/Counter.cs, b/Counter.cs."));
    }

    [Test]
    public void A_missing_file_lists_the_csharp_files_that_were_found()
    {
        Write("exercises/counter/counter.cs", "wrong case");
        Write("Program.cs", "x");

        var problem = SingleProblem();

        Assert.That(problem, Does.Contain("It holds 2 other C# files: Program.cs, exercises/counter/counter.cs."));
    }

    [Test]
    public void A_linked_folder_is_never_entered()
    {
        var outside = Directory.CreateTempSubdirectory("memkata-outside-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(outside, "Counter.cs"), "class Counter { }");
            Directory.CreateDirectory(Path.Combine(_folder, "exercises"));
            Directory.CreateSymbolicLink(Path.Combine(_folder, "exercises", "counter"), outside);

            Assert.That(SingleProblem(), Does.Contain("It holds no C# file at all."));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Test]
    public void A_link_found_deep_down_is_refused_like_one_at_the_top()
    {
        Write("real.txt", "class Counter { }");
        Directory.CreateDirectory(Path.Combine(_folder, "exercises", "counter"));
        File.CreateSymbolicLink(Path.Combine(_folder, "exercises", "counter", "Counter.cs"), Path.Combine(_folder, "real.txt"));

        Assert.That(SingleProblem(), Does.Contain("is a symbolic link"));
    }

    [Test]
    public void A_file_too_deep_is_not_searched_for()
    {
        Write(string.Join('/', Enumerable.Repeat("d", SubmissionSearch.MaxDepth + 1)) + "/Counter.cs", "class Counter { }");

        Assert.That(SingleProblem(), Does.Contain("missing"));
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private string SingleProblem()
    {
        var (files, problems) = SubmissionFiles.Collect(_config, _folder);
        Assert.That(files, Is.Empty);
        return problems.Single().ToString();
    }
}
