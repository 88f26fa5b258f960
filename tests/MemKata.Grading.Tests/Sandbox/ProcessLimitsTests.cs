using MemKata.Grading.Sandbox;

namespace MemKata.Grading.Tests.Sandbox;

/// <summary>The rlimits set inside the sandbox: never RLIMIT_AS or RLIMIT_FSIZE (they break .NET), always no core dump,
/// a CPU backstop for a test run only.</summary>
public sealed class ProcessLimitsTests
{
    [Test]
    public void A_test_run_gets_processes_files_no_core_and_a_cpu_backstop()
    {
        Assert.That(ProcessLimits.Tests(TimeSpan.FromSeconds(60)).PrlimitArguments(),
            Is.EqualTo(new[] { "--nproc=128:128", "--nofile=512:512", "--core=0", "--cpu=90:90" }));
    }

    [Test]
    public void A_compile_session_has_no_cpu_limit()
    {
        Assert.That(ProcessLimits.Compile.PrlimitArguments(), Is.EqualTo(new[] { "--nproc=256:256", "--nofile=1024:1024", "--core=0" }));
    }
}
