using MemKata.Grading.Layout;

namespace MemKata.Grading.Audit;

/// <summary>
/// How a grader is audited, from <c>graders/&lt;slug&gt;/audit.json</c> (optional; defaults below):
/// <c>{ "seed": 1, "maxMutants": 100, "equivalent": [ { "mutant": "ID", "reason": "why it changes nothing" } ] }</c>.
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
    /// The time limits mutants are graded under: 15 s of CPU time per test (so 45 s of wall-clock time for a test that
    /// waits) and 20 minutes per run, three and twenty times grading's defaults. An audit grades a hundred submissions
    /// back to back, often on a busy machine; with grading's limits a mutant could be "killed" by a timeout the machine's
    /// load caused, which would flatter the suite. A mutant that loops is still stopped, by the CPU-time limit.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Model.GradingLimits Limits { get; init; } = Model.GradingLimits.Default with
    {
        TestTimeout = TimeSpan.FromSeconds(15),
        RunTimeout = TimeSpan.FromMinutes(20),
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
        if (read.MaxMutants < 0 || (read.Equivalent ?? []).Any(e => string.IsNullOrWhiteSpace(e.Mutant) || string.IsNullOrWhiteSpace(e.Reason)))
        {
            throw new GradingInputException($"{path}: \"maxMutants\" must not be negative, and each \"equivalent\" entry needs a \"mutant\" and a \"reason\".");
        }

        return read with { Equivalent = read.Equivalent ?? [] };
    }
}
