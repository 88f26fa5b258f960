using System.CommandLine;
using MemKata.Cli.Rendering;
using MemKata.Engine.Input;
using MemKata.Grading;
using MemKata.Grading.Layout;
using MemKata.Grading.Publishing;
using Spectre.Console;

namespace MemKata.Cli.Commands;

/// <summary><c>memkata publish --out DIR [--exercise SLUG] [--repo DIR]</c>: writes the learners' starter repository.</summary>
internal static class PublishCommand
{
    /// <summary>Shown after the command's help: examples and exit codes.</summary>
    public const string HelpSection =
        "Examples:\n" +
        "  memkata publish --out ../memkata-starter     then: cd ../memkata-starter && git init && dotnet test MemKata.sln\n" +
        "  memkata publish --out ../allocator-starter --exercise allocator   hand out one exercise at a time\n\n" +
        "What goes in: every exercise without .meta/ but with .exercise.json (its manifest without the reference's\n" +
        "files), this memkata compiled into memkata/ (the exercises build against its assemblies, and learners run\n" +
        "dotnet memkata/memkata.dll scenario compare; grade, snapshots and publish refuse to run there), the build\n" +
        "settings, LICENSE, docs/rules/ (the pages the analyzers' messages name), a solution, a README and\n" +
        ".github/workflows/tests.yml, which fails on a build error and reports the public tests without failing on them\n" +
        "(a stub is unstarted work). What never goes in:\n" +
        "the source of MemKata's projects (so no reference component as source: learners get glibc's malloc and the\n" +
        "reference kernel components only as compiled code), graders/, snapshots, reference solutions (.meta/), test\n" +
        "data, bin/, obj/ and debug symbols.\n\n" +
        "Exit codes:\n" +
        "  0   written\n" +
        "  2   bad options, an output folder that is not empty, no exercise to publish, no graders/ (a starter repository)\n" +
        "  70  memkata itself failed";

    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out")
        {
            Description = "The folder to write the starter repository into: new or empty.",
            HelpName = "DIR",
            Required = true,
        };
        var repo = new Option<string?>("--repo")
        {
            Description = "The MemKata repository. Default: the folder holding MemKata.sln, at or above the current one.",
            HelpName = "DIR",
        };
        var exercise = new Option<string?>("--exercise")
        {
            Description = "Publish only this exercise (with what it needs), e.g. allocator. Default: every exercise.",
            HelpName = "SLUG",
        };
        var command = new Command("publish", "Write the starter repository learners receive (no graders, snapshots or reference solutions).")
        {
            output, exercise, repo,
        };
        command.SetAction(parse => Run(context, parse.GetValue(output)!, parse.GetValue(exercise), parse.GetValue(repo)));
        return command;
    }

    private static int Run(CliContext context, string output, string? exercise, string? repo)
    {
        StarterRepository.Result result;
        try
        {
            OutputPath.CheckFolder(output, "publish into");
            var root = repo is not null ? Path.GetFullPath(repo) : RepositoryRoot.Find(Directory.GetCurrentDirectory());
            InstructorRepository.Require(root, "publish");
            result = StarterRepository.Publish(root, output, AppContext.BaseDirectory, exercise);
        }
        catch (Exception e) when (e is GradingInputException or InputFileException)
        {
            UserErrors.Write(context.Error, e.Message);
            return ExitCodes.UsageError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            UserErrors.Write(context.Error, $"cannot publish into '{output}': {e.Message}");
            return ExitCodes.UsageError;
        }

        var console = ConsoleFactory.Create(context.Out, context.UseColor);
        console.MarkupLine(
            $"Wrote {result.Files.Count} files to {Markup.Escape(InputText.Escape(Path.GetFullPath(output)))}: exercises " +
            $"{Markup.Escape(string.Join(", ", result.Exercises))}; memkata compiled ({result.ToolFiles} files).");
        console.MarkupLine("No graders, snapshots, reference solutions, test data or MemKata source were copied.");
        return ExitCodes.Success;
    }
}
