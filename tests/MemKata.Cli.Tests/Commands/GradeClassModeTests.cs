using System.Text;
using MemKata.Tests.Shared;

namespace MemKata.Cli.Tests.Commands;

/// <summary>Class mode as an instructor runs it: roster, upload-ready CSV, feedback files, summary, and a second run
/// that regrades only what changed.</summary>
public sealed class GradeClassModeTests
{
    [Test]
    public void Roster_feedback_summary_and_a_second_run_that_regrades_only_the_changed_submission()
    {
        var folder = Directory.CreateTempSubdirectory("memkata-class-").FullName;
        try
        {
            var hw = Path.Combine(folder, "hw");
            foreach (var (name, sample) in new[] { ("ann", "reference"), ("=bob", "partial") })
            {
                Directory.CreateDirectory(Path.Combine(hw, name));
                File.Copy(Path.Combine(CounterRepository.Submission(sample), "Counter.cs"), Path.Combine(hw, name, "Counter.cs"));
            }

            var roster = Path.Combine(folder, "roster.csv");
            File.WriteAllText(roster, "folder,student_id,email\nann,s1,ann@uni.edu\n=bob,+s2,bob@uni.edu\ncarl,s3,carl@uni.edu\n");
            var csv = Path.Combine(folder, "out", "scores.csv");
            string[] args =
            [
                "grade", "counter", "--repo", CounterRepository.Root, "--submissions", hw, "--output", csv,
                "--roster", roster, "--feedback-dir", Path.Combine(folder, "fb"), "--feedback-format", "gradescope",
            ];

            var first = Memkata(args);
            var bytes = File.ReadAllBytes(csv);
            var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').TrimEnd('\n').Split('\n');
            File.AppendAllText(Path.Combine(hw, "ann", "Counter.cs"), "// touched\n");
            var second = Memkata(args);

            Assert.Multiple(() =>
            {
                Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Success), first.Stderr);
                Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 byte order mark");
                Assert.That(lines[0], Does.StartWith("submission,student_id,email,score (of 12),max_score,task 1: Count up (of 6),"));
                Assert.That(lines[1], Does.StartWith("ann,s1,ann@uni.edu,12,12,"));
                Assert.That(lines[2], Does.StartWith("'=bob,'+s2,bob@uni.edu,8,12,"));
                Assert.That(lines[3], Does.StartWith("carl,s3,carl@uni.edu,0,12,").And.Contain(",NoSubmission,"));
                Assert.That(File.ReadAllText(Path.Combine(folder, "out", "scores-summary.txt")), Does.StartWith("counter: 3 learners (2 graded, 1 without a submission)"));
                Assert.That(File.ReadAllText(Path.Combine(folder, "out", "scores-summary.html")), Does.Contain("<svg class=\"class-scores\"")
                    .And.Contain("3 learners: 2 graded, 1 without a submission (counted as 0)"));
                Assert.That(File.ReadAllText(Path.Combine(folder, "fb", "ann.json")), Does.Contain("\"score\": 12").And.Not.Contain("Similarity"));
                Assert.That(File.Exists(Path.Combine(folder, "fb", "=bob.json")));
                Assert.That(first.Stdout, Does.Contain("Graded 2 submissions; 0 unchanged"));
                Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.Success), second.Stderr);
                Assert.That(second.Stdout, Does.Contain("Graded 1 submissions; 1 unchanged"));
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_malformed_roster_is_a_usage_error_naming_its_line()
    {
        var roster = Path.GetTempFileName();
        try
        {
            File.WriteAllText(roster, "folder,student_id,email\nann,s1\"x,a\n");

            var result = Memkata("grade", "counter", "--repo", CounterRepository.Root, "--submissions", CounterRepository.Submissions, "--roster", roster);

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
                Assert.That(result.Stderr, Does.StartWith($"memkata: {roster}:2:7: a quote inside a field"));
            });
        }
        finally
        {
            File.Delete(roster);
        }
    }

    [Test]
    public void Class_options_without_submissions_are_refused()
    {
        var result = Memkata("grade", "counter", "--repo", CounterRepository.Root, "--roster", "r.csv");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
            Assert.That(result.Stderr, Does.Contain("--roster is for grading a class: use it with --submissions DIR."));
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
