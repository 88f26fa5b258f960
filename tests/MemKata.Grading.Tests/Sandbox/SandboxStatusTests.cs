using MemKata.Grading.Model;
using MemKata.Grading.Sandbox;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Sandbox;

/// <summary>What each missing layer makes a report say, in one line, and what holds as root.</summary>
public sealed class SandboxStatusTests
{
    [Test]
    public void Without_bubblewrap_the_report_line_says_so_and_how_to_get_it()
    {
        var status = new SandboxStatus(null, null, AsRoot: false, "/usr/bin/setpriv", "/usr/bin/prlimit");

        Assert.Multiple(() =>
        {
            Assert.That(status.IsComplete, Is.False);
            Assert.That(status.MissingLine, Does.StartWith("Sandbox: the OS sandbox is missing here (bubblewrap (bwrap) is not installed; on Debian or Ubuntu: apt-get install bubblewrap)"));
        });
    }

    [Test]
    public void A_bubblewrap_that_cannot_run_is_quoted()
    {
        var status = new SandboxStatus("/usr/bin/bwrap", "bwrap: No permissions to create new namespace", false, null, "/usr/bin/prlimit");

        Assert.That(status.MissingLine, Does.Contain("bwrap cannot run: bwrap: No permissions to create new namespace"));
    }

    [Test]
    public void As_root_without_setpriv_the_process_limits_do_not_hold()
    {
        var status = new SandboxStatus("/usr/bin/bwrap", null, AsRoot: true, null, "/usr/bin/prlimit");

        Assert.Multiple(() =>
        {
            Assert.That(status.Namespaces, Is.True);
            Assert.That(status.SwitchesUser, Is.False);
            Assert.That(status.ProcessLimits, Is.False);
            Assert.That(status.MissingLine, Is.EqualTo("Sandbox: bubblewrap isolates the tests, but the grader runs as root without setpriv (util-linux), so the process-count limit does not hold."));
        });
    }

    [TestCase(false, false)]
    [TestCase(true, true)]
    public void A_complete_sandbox_has_no_report_line(bool asRoot, bool switches)
    {
        var status = new SandboxStatus("/usr/bin/bwrap", null, asRoot, "/usr/bin/setpriv", "/usr/bin/prlimit");

        Assert.Multiple(() =>
        {
            Assert.That(status.IsComplete, Is.True);
            Assert.That(status.SwitchesUser, Is.EqualTo(switches));
            Assert.That(status.MissingLine, Is.Null);
        });
    }

    [Test]
    public void Grading_without_the_sandbox_works_and_the_report_says_which_layer_is_missing()
    {
        using var grader = new Grader(CounterExercise.Layout, new GradingOptions(CounterExercise.Limits, RunAnalyzers: false, UseSandbox: false));

        var report = grader.Grade(CounterExercise.Submission("reference"));

        Assert.Multiple(() =>
        {
            Assert.That(report.Outcome, Is.EqualTo(GradeOutcome.Graded));
            Assert.That(report.Score, Is.EqualTo(12));
            Assert.That(report.Notes, Does.Contain(
                "Sandbox: the OS sandbox is missing here (switched off for this grading): the hidden tests ran as the grader's " +
                "own user, bounded by the process limits only (time, memory, output)."));
        });
    }
}
