using MemKata.Cli.Tests.Support;
using MemKata.Engine.Libc;
using MemKata.Grading.Publishing;

namespace MemKata.Cli.Tests;

/// <summary>The root command's help, in the repository and in a learner's starter (a tool folder with
/// <see cref="PrebuiltTool.StarterMarker"/>, as <c>memkata publish</c> writes it).</summary>
public class CliAppTests
{
    private static readonly string[] InstructorsCommands = ["grade", "snapshots", "graders", "publish", "gradescope"];

    [Test]
    public void In_the_repository_help_lists_the_instructors_commands()
    {
        var help = Run(starter: false, "--help");

        Assert.That(CommandsListed(help.Stdout), Is.SupersetOf(InstructorsCommands.Append("scenario").Append("tour")));
    }

    [Test]
    public void In_a_starter_help_lists_only_what_works_there_and_the_hidden_commands_still_refuse_in_one_line()
    {
        var help = Run(starter: true, "--help");
        var grade = Run(starter: true, "grade", "allocator", "--repo", Tool);

        Assert.Multiple(() =>
        {
            Assert.That(help.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(CommandsListed(help.Stdout), Is.SupersetOf(new[] { "tour", "check", "scenario", "replay" }));
            Assert.That(CommandsListed(help.Stdout), Has.None.AnyOf(InstructorsCommands));
            Assert.That(help.Stdout, Does.Contain("dotnet test exercises/allocator").And.Not.Contain("memkata grade"));
            Assert.That(grade.ExitCode, Is.EqualTo(ExitCodes.UsageError));
            Assert.That(grade.Stderr, Does.Contain("grade is for instructors"));
        });
    }

    // Stands for the run's tool folder in arguments: a folder without graders/, as a starter is.
    private const string Tool = "{tool}";

    private static CliResult Run(bool starter, params string[] args)
    {
        var folder = Directory.CreateTempSubdirectory("memkata-tool-").FullName;
        try
        {
            if (starter)
            {
                File.WriteAllText(Path.Combine(folder, PrebuiltTool.StarterMarker), PrebuiltTool.StarterMarkerText);
            }

            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = CliApp.Run([.. args.Select(a => a == Tool ? folder : a)], new CliContext(stdout, stderr, GlibcMalloc.Factory, UseColor: false) { ToolDirectory = folder });
            return new CliResult(code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The names in the help's "Commands:" section, one per line, two spaces in.
    private static List<string> CommandsListed(string help) =>
        [.. help[help.IndexOf("Commands:", StringComparison.Ordinal)..].Split('\n').Skip(1)
            .TakeWhile(line => line.StartsWith("  ", StringComparison.Ordinal))
            .Select(line => line.Trim().Split(' ')[0])];
}
