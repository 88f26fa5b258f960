using MemKata.Grading.Layout;

namespace MemKata.Grading.Audit;

/// <summary>
/// How a grader is audited, from <c>graders/&lt;slug&gt;/audit.json</c> (optional; defaults below):
/// <c>{ "seed": 1, "maxMutants": 100, "equivalent": [ { "mutant": "ID", "reason": "why it changes nothing", "kind": "equivalent" } ] }</c>
/// (<c>"kind": "allowed"</c> for a mutant that behaves as the instructions allow: <see cref="EquivalentMutant"/>).
/// The seed and the cap fix which mutants are graded, so the kill rate recorded in docs/GRADING.md is reproduced by a
/// bare <c>memkata graders audit SLUG</c>.
/// </summary>
public sealed record AuditSettings
{
    /// <summary>The settings file's name, in the grader's folder.</summary>
    public const string FileName = "audit.json";

    /// <summary>Seed 1, at most 100 mutants, none declared equivalent.</summary>
    public static AuditSettings Default { get; } = new();

    /// <summary>The sample's seed (<see cref="MutantSample"/>).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The most mutants graded.</summary>
    public int MaxMutants { get; init; } = 100;

    /// <summary>The mutants declared equivalent, with why.</summary>
    public IReadOnlyList<EquivalentMutant> Equivalent { get; init; } = [];

    /// <summary>
    /// The limits every mutant is graded under: grading's own (<see cref="Model.GradingLimits.Default"/>, then the
    /// grader's <c>grader.json</c> overrides, applied by <see cref="Grader"/>): 5 s of CPU time per test (15 s of wall
    /// clock for a test that waits), 512 MiB, 10 restarts, with the run's wall-clock limit doubled to 120 s so that a
    /// busy machine cannot "kill" an honest-but-slow mutant on time alone. CPU time is what a looping mutant spends, and a
    /// loaded machine does not make it grow, so the per-test limit is the learner's. Each mutant is thus bounded: at most
    /// the run limit plus the compile limit (30 s); one that hangs costs the audit two and a half minutes, never more.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Model.GradingLimits Limits { get; init; } = Model.GradingLimits.Default with
    {
        RunTimeout = 2 * Model.GradingLimits.Default.RunTimeout,
    };

    /// <summary>The settings of <paramref name="exercise"/>'s grader, or <see cref="Default"/> when it has no
    /// <see cref="FileName"/>; throws <see cref="GradingInputException"/> naming the file (and line) when it is malformed.</summary>
    public static AuditSettings Load(ExerciseLayout exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var path = Path.Combine(exercise.GraderDirectory, FileName);
        if (!File.Exists(path))
        {
            return Default;
        }

        var read = ExerciseLayout.Read<AuditSettings>(path);
        if (read.MaxMutants < 0 || (read.Equivalent ?? []).Any(e => string.IsNullOrWhiteSpace(e.Mutant) || string.IsNullOrWhiteSpace(e.Reason)
            || e.Kind is not (null or EquivalentMutant.EquivalentKind or EquivalentMutant.AllowedKind)))
        {
            throw new GradingInputException($"{path}: \"maxMutants\" must not be negative, and each \"equivalent\" entry needs a \"mutant\" and a \"reason\" (and a \"kind\", if any, of \"equivalent\" or \"allowed\").");
        }

        return read with { Equivalent = read.Equivalent ?? [] };
    }
}
