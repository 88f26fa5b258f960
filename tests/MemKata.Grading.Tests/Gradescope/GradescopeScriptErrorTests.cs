using System.Text.Json;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Gradescope;

/// <summary>The Gradescope scripts on a broken image: each says what is wrong, and a learner still gets a
/// results.json. No build needed: these run in a bare fake <c>/autograder</c>.</summary>
public sealed class GradescopeScriptErrorTests
{
    private static readonly string _scripts = Path.Combine(TestData.RealRepository, "autograder", "gradescope");
    private static readonly TimeSpan _limit = TimeSpan.FromMinutes(2);

    [Test]
    public void Setup_without_an_sdk_that_fits_global_json_fails_and_installs_nothing()
    {
        var root = BareRoot();
        try
        {
            File.WriteAllText(Path.Combine(root, "source", "global.json"), """{ "sdk": { "version": "99.0.100", "rollForward": "disable" } }""");

            var run = ScriptRun.Bash(Path.Combine(_scripts, "setup.sh"), root, GradescopeRoot.Environment(root), _limit);

            Assert.Multiple(() =>
            {
                Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
                Assert.That(run.Stderr, Does.Contain("no .NET SDK on PATH fits").And.Contain("global.json").And.Contain("MEMKATA_NO_SDK_INSTALL=1"));
                Assert.That(Directory.Exists(Path.Combine(root, "memkata")), Is.False);
            });
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void Setup_without_the_repository_in_source_says_so()
    {
        var root = BareRoot();
        try
        {
            var run = ScriptRun.Bash(Path.Combine(_scripts, "setup.sh"), root, GradescopeRoot.Environment(root), _limit);

            Assert.Multiple(() =>
            {
                Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
                Assert.That(run.Stderr, Does.Contain($"{Path.Combine(root, "source", "global.json")} is missing"));
            });
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void Run_autograder_writes_a_zero_result_naming_the_failure_when_memkata_cannot_run()
    {
        var root = BareRoot();
        try
        {
            var run = ScriptRun.Execute(Path.Combine(_scripts, "run_autograder"), root, GradescopeRoot.Environment(root), _limit);

            using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "results", "results.json")));
            Assert.Multiple(() =>
            {
                Assert.That(run.ExitCode, Is.Zero, run.ToString());
                Assert.That(GradescopeSchema.Problems(results.RootElement), Is.Empty);
                Assert.That(results.RootElement.GetProperty("score").GetDouble(), Is.Zero);
                Assert.That(results.RootElement.GetProperty("output").GetString(), Does.Contain("The autograder failed (memkata exit code"));
            });
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    // A fake /autograder with empty source/ and submission/, and no memkata build.
    private static string BareRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), $"memkata-gradescope-bare-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(root, "source"));
        Directory.CreateDirectory(Path.Combine(root, "submission"));
        return root;
    }
}
