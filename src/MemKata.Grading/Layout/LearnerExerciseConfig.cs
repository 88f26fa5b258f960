using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemKata.Grading.Layout;

/// <summary>
/// The learner's copy of an exercise's manifest, <c>exercises/&lt;slug&gt;/.exercise.json</c>: written by
/// <c>memkata publish</c> from <c>.meta/config.json</c> (the one source of truth) without <c>files.example</c>, so that
/// a starter repository, which has no <c>.meta/</c>, still says which class is the learner's component, which files are
/// theirs and what the tasks are called (<c>memkata scenario compare</c> reads it). Never kept in this repository.
/// </summary>
public static class LearnerExerciseConfig
{
    /// <summary>The file's name, in the exercise folder.</summary>
    public const string FileName = ".exercise.json";

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    /// <summary>What a learner may see of <paramref name="config"/>: everything but the reference's files.</summary>
    public static ExerciseConfig From(ExerciseConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config with { Files = config.Files with { Example = null } };
    }

    /// <summary>The text of the learner's manifest for <paramref name="config"/>: a comment naming where it comes from,
    /// then the JSON of <see cref="From"/>, ending with a newline.</summary>
    public static string ToJson(ExerciseConfig config) =>
        "// Written by memkata publish from the exercise's manifest; memkata scenario compare reads it. Do not edit.\n" +
        JsonSerializer.Serialize(From(config), _json) + "\n";
}
