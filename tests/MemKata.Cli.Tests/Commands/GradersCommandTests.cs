using MemKata.Tests.Shared;

namespace MemKata.Cli.Tests.Commands;

public sealed class GradersCommandTests
{
    [Test]
    public void Audit_list_prints_every_mutant_with_its_diff_and_grades_nothing()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exitCode = CliApp.Run(["graders", "audit", "counter", "--repo", CounterRepository.Root, "--list"], stdout, stderr);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), stderr.ToString());
            Assert.That(stdout.ToString(), Does.StartWith(
                "Counter.Increment: Increment: `Value++` → `Value--`\n    --- Counter.cs:7\n    -    public void Increment() => Value++;\n    +    public void Increment() => Value--;\n"));
        });
    }

    [Test]
    public void Audit_of_an_unknown_exercise_is_bad_input()
    {
        var stderr = new StringWriter();

        var exitCode = CliApp.Run(["graders", "audit", "nothing-here", "--repo", CounterRepository.Root], new StringWriter(), stderr);

        Assert.That(exitCode, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(stderr.ToString(), Does.StartWith("memkata: no exercise 'nothing-here'"));
    }
}
