using System.CommandLine;
using MemKata.Engine.Input;
using MemKata.Grading;
using MemKata.Grading.Layout;
using MemKata.Grading.Publishing;

namespace MemKata.Cli.Commands;

/// <summary><c>memkata gradescope bundle SLUG [--output FILE] [--repo DIR]</c>: writes the autograder zip of one
/// exercise for Gradescope (<see cref="GradescopeBundle"/>) and says how to set the assignment up.</summary>
internal static class GradescopeCommand
{
    /// <summary>What to choose on Gradescope, printed after the bundle is written and kept in its README.</summary>
    public const string Settings =
        "On Gradescope (Programming Assignment > Configure Autograder):\n" +
        "  Autograder:  upload the zip (\"Zip file upload\").\n" +
        "  Base image:  Ubuntu 22.04 (setup.sh installs the .NET SDK that global.json pins; it needs network at build time).\n" +
        "  Resources:   2 CPUs and 2 GB of memory or more: a grading runs a compile worker and a test worker, each with\n" +
        "               its own limits (grader.json), beside memkata itself.\n" +
        "  Timeout:     10 minutes (Gradescope's default). A grading takes 10 to 40 s; the suite's own limit (grader.json,\n" +
        "               60 s by default) ends a runaway submission long before.\n" +
        "  Learners submit their solution file (or their repository from GitHub: it is found in exercises/SLUG/).";

    /// <summary>Shown after the <c>bundle</c> command's help.</summary>
    public const string BundleHelpSection =
        "Examples:\n" +
        "  memkata gradescope bundle allocator                       writes autograder-allocator.zip here\n" +
        "  memkata gradescope bundle fault-handler --output /tmp/fh.zip\n\n" +
        Settings + "\n\n" +
        "The zip holds the hidden tests: upload it to Gradescope only.\n\n" +
        "Exit codes:\n" +
        "  0   the zip was written\n" +
        "  2   bad options, an unknown exercise, an output that cannot be written\n" +
        "  70  memkata itself failed";

    /// <summary>Builds <c>gradescope</c> with its <c>bundle</c> subcommand.</summary>
    public static (Command Gradescope, Command Bundle) Create(CliContext context)
    {
        var slug = new Argument<string>("SLUG") { Description = "The exercise to grade on Gradescope, e.g. allocator." };
        var output = new Option<string?>("--output") { Description = "Where to write the zip. Default: autograder-SLUG.zip here.", HelpName = "FILE" };
        var repo = new Option<string?>("--repo")
        {
            Description = "The MemKata repository. Default: the folder holding MemKata.sln, at or above the current one.",
            HelpName = "DIR",
        };
        var bundle = new Command("bundle", "Write the Gradescope autograder zip of one exercise (hidden tests included).") { slug, output, repo };
        bundle.SetAction(parse => Run(context, parse.GetValue(slug)!, parse.GetValue(output), parse.GetValue(repo)));
        var gradescope = new Command("gradescope", "Set an exercise up on Gradescope (instructors).") { bundle };
        return (gradescope, bundle);
    }

    private static int Run(CliContext context, string slug, string? output, string? repo)
    {
        try
        {
            var zip = output ?? $"autograder-{slug}.zip";
            OutputPath.CheckFile(zip, "write the bundle to");
            var root = repo is { } given ? Path.GetFullPath(given) : RepositoryRoot.Find(Directory.GetCurrentDirectory());
            InstructorRepository.Require(root, "gradescope bundle");
            var entries = GradescopeBundle.Write(root, slug, zip);
            context.Out.WriteLine($"Wrote {zip}: {entries.Count} files, the hidden tests of {slug} included (for Gradescope only).");
            context.Out.WriteLine(Settings.Replace("SLUG", slug, StringComparison.Ordinal));
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is GradingInputException or InputFileException)
        {
            UserErrors.Write(context.Error, e.Message);
            return ExitCodes.UsageError;
        }
    }
}
