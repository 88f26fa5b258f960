using System.Diagnostics;
using System.Text;
using MemKata.Grading.Layout;
using MemKata.Grading.Steps;

namespace MemKata.Grading.Tests.Steps;

/// <summary>Collect takes only regular UTF-8 files inside the submission folder, within the size limits, and says which
/// file is wrong without ever showing what is in it or where a link points.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class SubmissionFilesTests
{
    private static readonly ExerciseConfig _config = new(
        "counter", null, new ExerciseFiles(["Counter.cs"], null, null), null);

    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("memkata-collect-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void A_regular_utf8_file_is_taken_without_its_byte_order_mark()
    {
        File.WriteAllText(Path.Combine(_folder, "Counter.cs"), "class Counter { } // é", new UTF8Encoding(true));

        var (files, problems) = SubmissionFiles.Collect(_config, _folder);

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(files, Is.EqualTo(new[] { ("Counter.cs", "class Counter { } // é") }));
        });
    }

    [Test]
    public void A_link_to_a_file_outside_is_refused_without_a_word_of_its_target()
    {
        File.CreateSymbolicLink(Path.Combine(_folder, "Counter.cs"), "/etc/passwd");

        var message = SingleProblem();

        Assert.Multiple(() =>
        {
            Assert.That(message, Does.StartWith("Counter.cs: error MKG001: is a symbolic link"));
            Assert.That(message, Does.Not.Contain("passwd").And.Not.Contain("root").And.Not.Contain("etc"));
        });
    }

    [Test]
    public void A_link_to_a_file_inside_is_refused_too()
    {
        File.WriteAllText(Path.Combine(_folder, "Real.cs"), "class Counter { }");
        File.CreateSymbolicLink(Path.Combine(_folder, "Counter.cs"), "Real.cs");

        Assert.That(SingleProblem(), Does.Contain("is a symbolic link"));
    }

    [Test]
    public void A_file_in_a_linked_folder_is_refused()
    {
        var outside = Directory.CreateTempSubdirectory("memkata-outside-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(outside, "Counter.cs"), "class Counter { }");
            Directory.CreateSymbolicLink(Path.Combine(_folder, "src"), outside);
            var nested = new ExerciseConfig("counter", null, new ExerciseFiles(["src/Counter.cs"], null, null), null);

            var (files, problems) = SubmissionFiles.Collect(nested, _folder);

            Assert.Multiple(() =>
            {
                Assert.That(files, Is.Empty);
                Assert.That(problems.Single().ToString(), Does.Contain("symbolic link"));
            });
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Test]
    public void A_fifo_is_refused_without_being_opened()
    {
        Assume.That(OperatingSystem.IsLinux(), "FIFOs are told apart from files on Linux only");
        using var mkfifo = Process.Start("mkfifo", Path.Combine(_folder, "Counter.cs"));
        mkfifo.WaitForExit();

        // Opening a FIFO for reading would wait for a writer forever: the test would hang, not fail.
        Assert.That(SingleProblem(), Does.Contain("is not a regular file"));
    }

    [Test]
    public void A_folder_named_like_the_file_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "Counter.cs"));

        Assert.That(SingleProblem(), Does.Contain("is a folder"));
    }

    [Test]
    public void Invalid_utf8_is_refused_without_saying_where()
    {
        File.WriteAllBytes(Path.Combine(_folder, "Counter.cs"), [(byte)'c', 0xC3, 0x28, (byte)'x']);

        Assert.That(SingleProblem(), Does.EndWith("is not UTF-8 text: save it as UTF-8 (any editor can) and submit it again."));
    }

    [Test]
    public void A_nul_byte_is_refused()
    {
        File.WriteAllBytes(Path.Combine(_folder, "Counter.cs"), [(byte)'c', 0, (byte)'x']);

        Assert.That(SingleProblem(), Does.Contain("holds a NUL byte"));
    }

    [Test]
    public void A_file_over_the_limit_is_refused_without_its_size()
    {
        File.WriteAllText(Path.Combine(_folder, "Counter.cs"), new string('x', SubmissionFiles.MaxFileBytes + 1));

        var message = SingleProblem();

        Assert.Multiple(() =>
        {
            Assert.That(message, Does.Contain("too large: more than the 256 KiB"));
            Assert.That(message, Does.Not.Contain((SubmissionFiles.MaxFileBytes + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        });
    }

    [Test]
    public void Files_over_the_total_limit_are_refused()
    {
        var names = Enumerable.Range(0, 5).Select(i => $"Part{i}.cs").ToList();
        foreach (var name in names)
        {
            File.WriteAllText(Path.Combine(_folder, name), new string('x', SubmissionFiles.MaxFileBytes - 1));
        }

        var (files, problems) = SubmissionFiles.Collect(new ExerciseConfig("counter", null, new ExerciseFiles(names, null, null), null), _folder);

        Assert.Multiple(() =>
        {
            Assert.That(files, Has.Count.EqualTo(4));
            Assert.That(problems.Single().ToString(), Does.StartWith("Part4.cs: error MKG001: too large: the submission's files together"));
        });
    }

    [Test]
    public void A_flattened_upload_is_found_at_the_top()
    {
        File.WriteAllText(Path.Combine(_folder, "Counter.cs"), "class Counter { }");
        var nested = new ExerciseConfig("counter", null, new ExerciseFiles(["src/Counter.cs"], null, null), null);

        var (files, problems) = SubmissionFiles.Collect(nested, _folder);

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(files.Single().Path, Is.EqualTo("src/Counter.cs"));
        });
    }

    private string SingleProblem()
    {
        var (files, problems) = SubmissionFiles.Collect(_config, _folder);
        Assert.That(files, Is.Empty);
        return problems.Single().ToString();
    }
}
