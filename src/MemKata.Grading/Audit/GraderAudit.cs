using MemKata.Grading.Model;

namespace MemKata.Grading.Audit;

/// <summary>
/// <c>memkata graders audit SLUG</c>: mutants of the exercise's reference solution (the reference laid out as a
/// submission by <see cref="ReferenceSubmission"/>, so wherever <c>.meta/config.json</c>'s <c>example</c> points), each
/// graded as a learner's submission is, by the real pipeline (<see cref="Grader"/>: compile, analyzers, the watched test
/// process with its time and memory limits, so a mutant that loops or crashes costs its tests, never the audit). A
/// mutant that still scores <see cref="AuditReport.SurvivingScore"/> or more is a wrong solution the hidden suite lets
/// through.
/// </summary>
public sealed class GraderAudit
{
    private const int MaxFailedNames = 4;
    private readonly Grader _grader;
    private readonly AuditSettings _settings;

    /// <summary>An audit of <paramref name="grader"/>'s exercise with <paramref name="settings"/>.</summary>
    public GraderAudit(Grader grader, AuditSettings settings)
    {
        ArgumentNullException.ThrowIfNull(grader);
        ArgumentNullException.ThrowIfNull(settings);
        _grader = grader;
        _settings = settings;
    }

    /// <summary>Every mutant of the reference, before the cap, with the text of the file each was made from.</summary>
    public IReadOnlyList<(Mutant Mutant, string Source)> AllMutants()
    {
        var work = NewWorkFolder();
        try
        {
            return Generate(ReferenceSubmission.Create(_grader.Exercise, Path.Combine(work, "reference")));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Grades the reference, then the sampled mutants, <paramref name="parallelism"/> at a time, calling
    /// <paramref name="graded"/> after each (never two calls at once).</summary>
    public AuditReport Run(Action<MutantResult>? graded = null, int parallelism = 1)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var work = NewWorkFolder();
        try
        {
            var reference = ReferenceSubmission.Create(_grader.Exercise, Path.Combine(work, "reference"));
            var referenceReport = _grader.Grade(reference);
            var all = Generate(reference);
            var chosen = MutantSample.Choose([.. all.Select(m => m.Mutant)], _settings.Seed, _settings.MaxMutants).ToHashSet();
            var sources = all.Where(m => chosen.Contains(m.Mutant)).ToList();
            var equivalent = _settings.Equivalent.ToDictionary(e => e.Mutant, StringComparer.Ordinal);
            var results = new MutantResult?[sources.Count];
            var toGrade = new List<(int Index, string Folder)>();
            for (var i = 0; i < sources.Count; i++)
            {
                var (mutant, source) = sources[i];
                if (equivalent.TryGetValue(mutant.Id, out var declared))
                {
                    var outcome = declared.IsAllowed ? MutantOutcome.Allowed : MutantOutcome.Equivalent;
                    results[i] = new MutantResult(mutant, outcome, null, mutant.Diff(source), [], declared.Reason);
                    graded?.Invoke(results[i]!);
                    continue;
                }

                toGrade.Add((i, WriteMutant(reference, Path.Combine(work, $"mutant-{i:D4}"), mutant, source)));
            }

            var byName = toGrade.ToDictionary(t => Path.GetFileName(t.Folder), t => t.Index, StringComparer.Ordinal);
            ClassGrader.GradeAll(_grader, [.. toGrade.Select(t => t.Folder)], parallelism: parallelism, graded: report =>
            {
                var index = byName[report.SubmissionName];
                results[index] = Classify(sources[index].Mutant, sources[index].Source, report);
                graded?.Invoke(results[index]!);
            });
            var stale = equivalent.Keys.Where(id => all.All(m => m.Mutant.Id != id)).Order(StringComparer.Ordinal).ToList();
            return new AuditReport(_grader.Exercise.Slug, _settings, all.Count, Percent(referenceReport), [.. results.Select(r => r!)], stale)
            {
                Elapsed = clock.Elapsed,
                ReferenceElapsed = referenceReport.Elapsed,
            };
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private List<(Mutant Mutant, string Source)> Generate(string reference) =>
        [.. _grader.Exercise.Config.Files.Solution
            .Where(file => file.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(file =>
            {
                var source = File.ReadAllText(Path.Combine(reference, file));
                return MutantGenerator.Generate(file, source).Select(mutant => (mutant, source));
            })];

    // The reference's files, with the mutated one in its place.
    private static string WriteMutant(string reference, string folder, Mutant mutant, string source)
    {
        foreach (var file in Directory.GetFiles(reference, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(reference, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.WriteAllText(Path.Combine(folder, mutant.File), mutant.Apply(source));
        return folder;
    }

    private static MutantResult Classify(Mutant mutant, string source, GradeReport report)
    {
        var diff = mutant.Diff(source);
        switch (report.Outcome)
        {
            case GradeOutcome.CompileError or GradeOutcome.Rejected:
                return new MutantResult(mutant, MutantOutcome.Stillborn, null, diff, [], report.Problems.FirstOrDefault()?.ToString())
                {
                    Elapsed = report.Elapsed,
                };
            case GradeOutcome.GraderError:
                return new MutantResult(mutant, MutantOutcome.GraderError, null, diff, [], string.Join(" ", report.Notes))
                {
                    Elapsed = report.Elapsed,
                };
        }

        var score = Percent(report);
        var failed = report.Tests.Where(t => t.Status != TestStatus.Passed && t.MaxPoints > 0).Select(t => t.Name).Take(MaxFailedNames).ToList();
        var outcome = score >= AuditReport.SurvivingScore ? MutantOutcome.Survived : MutantOutcome.Killed;
        return new MutantResult(mutant, outcome, score, diff, failed, null)
        {
            Elapsed = report.Elapsed,
            HitLimit = report.Tests.Any(t => t.Status is TestStatus.Crashed or TestStatus.DidNotRun),
        };
    }

    private static double Percent(GradeReport report) =>
        report.MaxScore <= 0 ? 0 : Math.Round(100 * report.Score / report.MaxScore, 2);

    private static string NewWorkFolder()
    {
        var work = Path.Combine(Path.GetTempPath(), "memkata-audit", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        return work;
    }
}
