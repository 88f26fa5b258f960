using System.Globalization;
using System.Text;

namespace MemKata.Grading.Audit;

/// <summary>An <see cref="AuditReport"/> as plain text, the same on every run: the tally, the kill rate against the
/// goal, then every surviving mutant with its score, the tests it failed and its diff, then the stale declarations.</summary>
public static class AuditText
{
    /// <summary>The report as text.</summary>
    public static string Write(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        var graded = report.Results.Count;
        text.AppendLine(c, $"graders audit {report.Slug}: {graded} of {report.Generated} mutants of the reference (seed {report.Settings.Seed}, at most {report.Settings.MaxMutants})");
        if (report.ReferenceScore < 100)
        {
            text.AppendLine(c, $"  the reference itself scores {report.ReferenceScore:0.##}: fix the grader or the reference first, the numbers below mean little");
        }

        text.AppendLine(c, $"  killed (score < {AuditReport.SurvivingScore:0})       {report.Killed,4}");
        text.AppendLine(c, $"  survived (score >= {AuditReport.SurvivingScore:0})    {report.Survived,4}");
        text.AppendLine(c, $"  stillborn (did not compile) {report.Count(MutantOutcome.Stillborn),4}   not counted");
        text.AppendLine(c, $"  equivalent (audit.json)     {report.Count(MutantOutcome.Equivalent),4}   not counted: cannot change behaviour");
        text.AppendLine(c, $"  allowed (audit.json)        {report.Count(MutantOutcome.Allowed),4}   not counted: behaves as the instructions allow");
        if (report.Count(MutantOutcome.GraderError) > 0)
        {
            text.AppendLine(c, $"  grader errors               {report.Count(MutantOutcome.GraderError),4}   not counted");
        }

        text.AppendLine(c, $"  kill rate: {Percent(report.KillRate)} of {report.Counted} (goal {Percent(AuditReport.Goal)}): {(report.GoalMet ? "met" : "NOT met")}");
        var strict = report.Counted + report.Count(MutantOutcome.Allowed);
        text.AppendLine(c, $"  kill rate counting the allowed as survivors: {Percent(strict == 0 ? 1 : (double)report.Killed / strict)} of {strict}");
        text.AppendLine(c, $"  failing at least one test: {report.Detected} of {report.Counted} ({Percent(report.Counted == 0 ? 1 : (double)report.Detected / report.Counted)})");
        RunTime(text, report);
        Section(text, "Survivors (a wrong solution that scores 90 or more)", report.Results.Where(r => r.Outcome == MutantOutcome.Survived));
        Section(text, "Grader errors", report.Results.Where(r => r.Outcome == MutantOutcome.GraderError));
        if (report.StaleEquivalents.Count > 0)
        {
            text.AppendLine().AppendLine("Declared equivalent in audit.json, but the reference no longer has them (remove them):");
            foreach (var id in report.StaleEquivalents)
            {
                text.AppendLine(c, $"  {id}");
            }
        }

        return text.ToString();
    }

    /// <summary>One line per mutant: its id, line and diff, for <c>--list</c> (choosing what to declare equivalent).</summary>
    public static string List(IEnumerable<(Mutant Mutant, string Source)> mutants)
    {
        ArgumentNullException.ThrowIfNull(mutants);
        var text = new StringBuilder();
        foreach (var (mutant, source) in mutants)
        {
            text.AppendLine(mutant.Id).Append(Indent(mutant.Diff(source)));
        }

        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IEnumerable<MutantResult> results)
    {
        var c = CultureInfo.InvariantCulture;
        var list = results.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.AppendLine().AppendLine(title + ":");
        foreach (var result in list)
        {
            var score = result.Score is { } s ? s.ToString("0.##", c) : "-";
            text.AppendLine(c, $"  {result.Mutant.Id}");
            text.AppendLine(c, $"    score {score}; failed: {(result.Failed.Count == 0 ? "nothing" : string.Join(", ", result.Failed))}{(result.Note is null ? "" : "; " + result.Note)}");
            text.Append(Indent(result.Diff));
        }
    }

    // The audit's own run time, and what bounded it: the slowest mutant and how many met a limit.
    private static void RunTime(StringBuilder text, AuditReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var graded = report.Results.Where(r => r.Elapsed > TimeSpan.Zero).OrderBy(r => r.Elapsed).ToList();
        text.Append(c, $"  run time: {report.Elapsed.TotalSeconds:0} s (the reference {report.ReferenceElapsed.TotalSeconds:0.0} s");
        if (graded.Count > 0)
        {
            var slowest = graded[^1];
            text.Append(c, $"; a mutant: median {graded[graded.Count / 2].Elapsed.TotalSeconds:0.0} s, longest {slowest.Elapsed.TotalSeconds:0.0} s, {slowest.Mutant.Id}");
        }

        text.AppendLine(")");
        text.AppendLine(c, $"  stopped by a limit (a crash, a timeout, tests not run): {report.Results.Count(r => r.HitLimit)}; limits per mutant: {report.Settings.Limits.TestTimeout.TotalSeconds:0} s of CPU per test, {report.Settings.Limits.RunTimeout.TotalSeconds:0} s per run");
    }

    private static string Indent(string diff) =>
        string.Concat(diff.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => "    " + line + "\n"));

    private static string Percent(double share) => (100 * share).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
