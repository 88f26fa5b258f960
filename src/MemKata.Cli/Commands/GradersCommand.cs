using System.CommandLine;
using System.Globalization;
using MemKata.Grading;
using MemKata.Grading.Audit;
using MemKata.Grading.Layout;

namespace MemKata.Cli.Commands;

/// <summary><c>memkata graders audit SLUG [--seed N] [--max N] [--jobs N] [--list] [--repo DIR]</c>: grades mutants of
/// the exercise's reference solution and reports those the hidden suite lets through (src/MemKata.Grading/Audit).</summary>
internal static class GradersCommand
{
    /// <summary>Shown after the <c>audit</c> command's help: examples and exit codes.</summary>
    public const string AuditHelpSection =
        "Examples:\n" +
        "  memkata graders audit reclaim-policy            grade the sampled mutants (seed and cap from graders/SLUG/audit.json)\n" +
        "  memkata graders audit allocator --max 20        a quicker look: 20 mutants\n" +
        "  memkata graders audit fault-handler --list      every mutant's id and diff, graded nothing\n\n" +
        "Each mutant is the reference with one change (a flipped comparison, a constant off by one, a dropped statement,\n" +
        "swapped branches, a negated condition, a removed return...), graded as a submission is. A mutant scoring 90 or more\n" +
        "survives: the hidden suite lets that wrong solution through. Mutants that change nothing are declared equivalent,\n" +
        "with a reason, in graders/SLUG/audit.json: { \"equivalent\": [ { \"mutant\": \"ID\", \"reason\": \"...\" } ] }; a mutant\n" +
        "that behaves as the instructions allow (a \"Your choice\") is declared with \"kind\": \"allowed\". Neither is counted;\n" +
        "the report also gives the rate counting the allowed ones as survivors. Every mutant is graded under grading's limits.\n\n" +
        "Exit codes:\n" +
        "  0   at least 90% of the counted mutants score below 90 (and the reference scores 100)\n" +
        "  1   the goal is not met: the survivors are listed with their diffs\n" +
        "  2   bad options, an unknown exercise, a malformed audit.json\n" +
        "  70  memkata itself failed";

    /// <summary>Builds <c>graders</c> with its <c>audit</c> subcommand.</summary>
    public static (Command Graders, Command Audit) Create(CliContext context)
    {
        var slug = new Argument<string>("SLUG") { Description = "The exercise whose hidden suite to audit, e.g. reclaim-policy." };
        var repo = new Option<string?>("--repo")
        {
            Description = "The MemKata repository. Default: the folder holding MemKata.sln, at or above the current one.",
            HelpName = "DIR",
        };
        var seed = new Option<int?>("--seed") { Description = "The sample's seed. Default: audit.json's, else 1.", HelpName = "N" };
        var max = new Option<int?>("--max") { Description = "Grade at most N mutants. Default: audit.json's, else 100.", HelpName = "N" };
        var jobs = new Option<int>("--jobs") { Description = "Grade N mutants at a time (default 1).", HelpName = "N", DefaultValueFactory = _ => 1 };
        var list = new Option<bool>("--list") { Description = "List every mutant (id and diff) without grading." };
        var audit = new Command("audit", "Grade mutants of the reference solution; report those the hidden suite lets through.")
        {
            slug, repo, seed, max, jobs, list,
        };
        audit.SetAction(parse => Run(
            context,
            parse.GetValue(slug)!,
            parse.GetValue(repo),
            (parse.GetValue(seed), parse.GetValue(max), parse.GetValue(jobs)),
            parse.GetValue(list)));
        var graders = new Command("graders", "Check the hidden suites themselves (instructors).") { audit };
        return (graders, audit);
    }

    private static int Run(CliContext context, string slug, string? repo, (int? Seed, int? Max, int Jobs) options, bool list)
    {
        try
        {
            if (options.Max < 0 || options.Jobs < 1)
            {
                throw new GradingInputException("--max must not be negative and --jobs must be at least 1.");
            }

            var root = repo is not null ? Path.GetFullPath(repo) : RepositoryRoot.Find(Directory.GetCurrentDirectory());
            InstructorRepository.Require(root, "graders audit");
            var exercise = ExerciseLayout.Load(root, slug);
            var settings = AuditSettings.Load(exercise);
            settings = settings with { Seed = options.Seed ?? settings.Seed, MaxMutants = options.Max ?? settings.MaxMutants };
            var audit = new GraderAudit(new Grader(exercise, GradingOptions.Default with { Limits = settings.Limits }), settings);
            if (list)
            {
                context.Out.Write(AuditText.List(audit.AllMutants()));
                return ExitCodes.Success;
            }

            var done = 0;
            var report = audit.Run(result =>
            {
                done++;
                var score = result.Score is { } s ? s.ToString("0.##", CultureInfo.InvariantCulture) : "-";
                context.Error.WriteLine($"[{done}] {result.Outcome.ToString().ToLowerInvariant()} {score}  {result.Mutant.Id}");
            }, options.Jobs);
            context.Out.Write(AuditText.Write(report));
            return report.GoalMet ? ExitCodes.Success : ExitCodes.Different;
        }
        catch (GradingInputException e)
        {
            context.Error.WriteLine($"memkata: {e.Message}");
            return ExitCodes.UsageError;
        }
    }
}
