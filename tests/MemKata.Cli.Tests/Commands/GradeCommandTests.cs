using System.Text.Json;
using MemKata.Tests.Shared;

namespace MemKata.Cli.Tests.Commands;

public sealed class GradeCommandTests
{
    [Test]
    public void Text_report_shows_the_score_the_tasks_and_why_a_test_failed()
    {
        var result = Memkata("grade", "counter", "--repo", CounterRepository.Root, "--submission", CounterRepository.Submission("partial"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Stderr);
            Assert.That(result.Stdout, Does.Contain("8/12 points"));
            Assert.That(result.Stdout, Does.Contain("2 of 2 tasks attempted"));
            Assert.That(result.Stdout, Does.Contain("Task 2 · AddNegativeCountsDown"));
            Assert.That(result.Stdout, Does.Contain("Expected: -3"));
            Assert.That(result.Stdout, Does.Not.Contain("\u001b["), "no colors when stdout is not a terminal");
            Assert.That(result.Stdout, Does.Contain("Similarity (instructors only)"));
            Assert.That(result.Stdout, Does.Contain("partial ~ reference: "));
        });
    }

    [Test]
    public void Compile_error_is_graded_zero_with_exit_code_0()
    {
        var result = Memkata("grade", "counter", "--repo", CounterRepository.Root, "--submission", CounterRepository.Submission("compile-error"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Stdout, Does.Contain("0/12 points"));
            Assert.That(result.Stdout, Does.Contain("Counter.cs:7:41: error CS0103"));
        });
    }

    [Test]
    public void Gradescope_output_goes_to_the_file_and_the_readable_report_to_stdout()
    {
        var path = Path.Combine(Path.GetTempPath(), $"memkata-results-{Guid.NewGuid():N}", "results.json");
        try
        {
            var result = Memkata("grade", "counter", "--repo", CounterRepository.Root, "--reference",
                "--format", "gradescope", "--output", path);

            using var json = JsonDocument.Parse(File.ReadAllText(path));
            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Stderr);
                Assert.That(json.RootElement.GetProperty("score").GetDouble(), Is.EqualTo(12));
                Assert.That(result.Stdout, Does.Contain("12/12 points"));
            });
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Test]
    public void Html_report_is_written_in_the_language_asked_for()
    {
        var folder = Directory.CreateTempSubdirectory("memkata-grade-html-").FullName;
        try
        {
            var english = Path.Combine(folder, "en.html");
            var chinese = Path.Combine(folder, "zh.html");
            var en = Memkata("grade", "counter", "--repo", CounterRepository.Root, "--reference", "--format", "html", "--output", english);
            var zh = Memkata("grade", "counter", "--repo", CounterRepository.Root, "--reference", "--format", "html", "--output", chinese, "--lang", "zh-CN");
            var misplaced = Memkata("grade", "counter", "--repo", CounterRepository.Root, "--reference", "--lang", "zh-CN");

            Assert.Multiple(() =>
            {
                Assert.That(en.ExitCode, Is.EqualTo(ExitCodes.Success), en.Stderr);
                Assert.That(zh.ExitCode, Is.EqualTo(ExitCodes.Success), zh.Stderr);
                Assert.That(File.ReadAllText(english), Does.Contain("<html lang=\"en\">"));
                Assert.That(File.ReadAllText(chinese), Does.Contain("<html lang=\"zh-CN\">"));
                Assert.That(misplaced.ExitCode, Is.EqualTo(ExitCodes.UsageError));
                Assert.That(misplaced.Stderr, Does.Contain("--lang chooses the language of the HTML report"));
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Junit_without_output_goes_to_stdout_alone()
    {
        var result = Memkata("grade", "counter", "--repo", CounterRepository.Root, "--submission",
            CounterRepository.Submission("stub"), "--format", "junit");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Stderr);
            Assert.That(System.Xml.Linq.XDocument.Parse(result.Stdout).Root!.Name.LocalName, Is.EqualTo("testsuites"));
        });
    }

    [Test]
    public void Class_mode_writes_one_csv_row_per_folder_and_continues_past_broken_ones()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"memkata-class-{Guid.NewGuid():N}");
        try
        {
            foreach (var name in new[] { "reference", "compile-error", "missing-file" })
            {
                Directory.CreateDirectory(Path.Combine(folder, name));
                foreach (var file in Directory.GetFiles(CounterRepository.Submission(name)))
                {
                    File.Copy(file, Path.Combine(folder, name, Path.GetFileName(file)));
                }
            }

            var result = Memkata("grade", "counter", "--repo", CounterRepository.Root, "--submissions", folder, "--jobs", "2");

            var lines = result.Stdout.TrimEnd('\n').Split('\n');
            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Stderr);
                Assert.That(lines, Has.Length.EqualTo(4));
                Assert.That(lines[1], Does.StartWith("compile-error,,,0,12,"));
                Assert.That(lines[2], Does.StartWith("missing-file,,,0,12,"));
                Assert.That(lines[3], Does.StartWith("reference,,,12,12,6,4,2,0,Graded,2"));
                Assert.That(result.Stderr, Does.Contain("graded reference: 12/12 points"));
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Class_mode_with_an_output_writes_the_similarity_pairs_beside_the_csv()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"memkata-class-{Guid.NewGuid():N}");
        try
        {
            foreach (var name in new[] { "reference", "partial" })
            {
                Directory.CreateDirectory(Path.Combine(folder, "class", name));
                File.Copy(Path.Combine(CounterRepository.Submission(name), "Counter.cs"), Path.Combine(folder, "class", name, "Counter.cs"));
            }

            var result = Memkata("grade", "counter", "--repo", CounterRepository.Root, "--submissions", Path.Combine(folder, "class"),
                "--output", Path.Combine(folder, "scores.csv"));

            var pairs = Path.Combine(folder, "scores-similarity.txt");
            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Stderr);
                Assert.That(File.ReadAllLines(Path.Combine(folder, "scores.csv"))[0], Does.EndWith(",note,similarity,flagged_with"));
                Assert.That(File.Exists(pairs), pairs);
                Assert.That(File.ReadAllText(pairs), Does.StartWith("Similarity between submissions: counter (instructors only)\n2 submissions, 1 pairs compared;"));
                Assert.That(result.Stdout, Does.Contain("scores-similarity.txt"));
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestCase("nope", "no exercise 'nope'")]
    [TestCase("../etc", "is not an exercise slug")]
    public void Unknown_exercise_is_a_usage_error(string slug, string message)
    {
        var result = Memkata("grade", slug, "--repo", CounterRepository.Root);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
            Assert.That(result.Stderr, Does.StartWith("memkata: ").And.Contain(message));
            Assert.That(result.Stderr, Does.Not.Contain("   at "), "no stack trace for a user error");
        });
    }

    [Test]
    public void Missing_submission_folder_is_a_usage_error()
    {
        var result = Memkata("grade", "counter", "--repo", CounterRepository.Root, "--submission", "/no/such/folder");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
            Assert.That(result.Stderr, Does.Contain("no submission folder /no/such/folder"));
        });
    }

    [Test]
    public void An_output_that_is_a_folder_is_refused_before_grading()
    {
        var folder = Directory.CreateTempSubdirectory("memkata-output-").FullName;
        try
        {
            var result = Memkata("grade", "counter", "--repo", CounterRepository.Root, "--reference", "--format", "gradescope", "--output", folder);

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
                Assert.That(result.Stderr, Does.StartWith($"memkata: cannot write the report to '{folder}': it is a folder;"));
                Assert.That(result.Stdout, Is.Empty, "nothing was graded");
                Assert.That(Directory.GetFileSystemEntries(folder), Is.Empty);
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void An_output_whose_folder_is_a_file_is_refused_before_grading()
    {
        var file = Path.GetTempFileName();
        try
        {
            var result = Memkata("grade", "counter", "--repo", CounterRepository.Root, "--reference", "--output", Path.Combine(file, "results.json"));

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
                Assert.That(result.Stderr, Does.StartWith($"memkata: cannot write the report to '{Path.Combine(file, "results.json")}': a part of the path before the file name is a file"));
                Assert.That(result.Stdout, Is.Empty);
            });
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Two_sources_at_once_is_a_usage_error()
    {
        var result = Memkata("grade", "counter", "--reference", "--submission", "x");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
            Assert.That(result.Stderr, Does.Contain("at most one of --submission, --submissions and --reference"));
        });
    }

    [Test]
    public void Help_has_examples_and_exit_codes()
    {
        var result = Memkata("grade", "--help");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Stdout, Does.Contain("memkata grade allocator --submissions"));
            Assert.That(result.Stdout, Does.Contain("Exit codes:"));
        });
    }

    private static (int ExitCode, string Stdout, string Stderr) Memkata(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = CliApp.Run(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
