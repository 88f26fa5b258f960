using System.Text.Json;

namespace MemKata.Grading.Layout;

/// <summary>Where an exercise and its grader live, and their manifests, all derived from the slug
/// (docs/EXERCISES.md).</summary>
/// <param name="RepositoryRoot">The repository's root folder.</param>
/// <param name="Slug">The exercise's key.</param>
/// <param name="ExerciseDirectory"><c>exercises/&lt;slug&gt;</c>.</param>
/// <param name="GraderDirectory"><c>graders/&lt;slug&gt;</c>.</param>
/// <param name="Config">The exercise's <c>.meta/config.json</c>.</param>
/// <param name="Manifest">The grader's <c>grader.json</c>.</param>
public sealed record ExerciseLayout(
    string RepositoryRoot,
    string Slug,
    string ExerciseDirectory,
    string GraderDirectory,
    ExerciseConfig Config,
    GraderManifest Manifest)
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The folder under <c>graders/</c> whose sources every grader compiles with its own: helpers the hidden
    /// suites share (snapshot checks, event diffs). Never an exercise: a slug cannot start with <c>_</c>.</summary>
    public const string SharedGraderFolder = "_shared";

    /// <summary><c>graders/_shared</c>: the helpers every hidden suite compiles with (may not exist).</summary>
    public string SharedGraderDirectory => Path.Combine(RepositoryRoot, "graders", SharedGraderFolder);

    /// <summary>The hidden test sources: every <c>*.cs</c> under the grader folder, then every <c>*.cs</c> under
    /// <see cref="SharedGraderDirectory"/> if it exists; build output (<c>bin/</c>, <c>obj/</c>) left out.</summary>
    public IReadOnlyList<string> GraderSources =>
        [.. SourcesUnder(GraderDirectory), .. SourcesUnder(SharedGraderDirectory)];

    /// <summary>The snapshot folder of the grader (may not exist yet).</summary>
    public string SnapshotDirectory => Path.Combine(GraderDirectory, "__snapshots__");

    /// <summary>Finds exercise <paramref name="slug"/> in <paramref name="repositoryRoot"/> and reads its manifests;
    /// throws <see cref="GradingInputException"/> naming the missing or malformed file.</summary>
    public static ExerciseLayout Load(string repositoryRoot, string slug)
    {
        if (string.IsNullOrWhiteSpace(slug) || slug.IndexOfAny(['/', '\\', '.']) >= 0 || slug.StartsWith('_'))
        {
            throw new GradingInputException($"'{slug}' is not an exercise slug: use the folder name under exercises/, e.g. allocator.");
        }

        var exercise = Path.Combine(repositoryRoot, "exercises", slug);
        var grader = Path.Combine(repositoryRoot, "graders", slug);
        if (!Directory.Exists(exercise))
        {
            throw new GradingInputException($"no exercise '{slug}': {exercise} does not exist. {Known(repositoryRoot)}");
        }

        if (!Directory.Exists(grader))
        {
            throw new GradingInputException($"exercise '{slug}' has no grader: {grader} does not exist.");
        }

        var config = Read<ExerciseConfig>(Path.Combine(exercise, ".meta", "config.json"));
        if (config.Files?.Solution is not { Count: > 0 })
        {
            throw new GradingInputException(
                $"{Path.Combine(exercise, ".meta", "config.json")}: \"files.solution\" must list the learner's files.");
        }

        var manifest = Read<GraderManifest>(Path.Combine(grader, "grader.json"));
        if (manifest.Tasks is null)
        {
            throw new GradingInputException($"{Path.Combine(grader, "grader.json")}: \"tasks\" must list each task's weight.");
        }

        if (manifest.Gradescope?.FirstInvalid() is { } invalid)
        {
            throw new GradingInputException($"{Path.Combine(grader, "grader.json")}: gradescope.{invalid} is not a Gradescope " +
                $"visibility: use one of {string.Join(", ", GradescopeSettings.Visibilities)}.");
        }

        return new ExerciseLayout(repositoryRoot, slug, exercise, grader, config, manifest);
    }

    /// <summary>
    /// The exercise in <paramref name="exerciseDirectory"/> (any folder holding <c>.meta/config.json</c> or, in a
    /// starter repository, the <see cref="LearnerExerciseConfig"/> publish wrote from it; not only
    /// <c>exercises/&lt;slug&gt;</c> of a repository), for tools that compile the learner's files without grading them
    /// (<c>memkata scenario compare</c>). The grader folder is <c>graders/&lt;slug&gt;</c> of the repository above, if
    /// any; its manifest is read when it exists and is otherwise empty (no tasks): such a layout cannot grade. Throws
    /// <see cref="GradingInputException"/> naming the missing or malformed file.
    /// </summary>
    public static ExerciseLayout FromExerciseDirectory(string exerciseDirectory)
    {
        var exercise = Path.GetFullPath(exerciseDirectory);
        if (!Directory.Exists(exercise))
        {
            throw new GradingInputException($"no exercise folder {exercise}: give an exercise's folder, e.g. exercises/fault-handler.");
        }

        var configPath = Path.Combine(exercise, ".meta", "config.json");
        if (!File.Exists(configPath))
        {
            configPath = Path.Combine(exercise, LearnerExerciseConfig.FileName);
        }

        if (!File.Exists(configPath))
        {
            throw new GradingInputException(
                $"{exercise} is not an exercise folder: it has no .meta/config.json (nor the starter repository's " +
                $"{LearnerExerciseConfig.FileName}). Give an exercise's folder, e.g. exercises/fault-handler.");
        }

        var config = Read<ExerciseConfig>(configPath);
        if (config.Files?.Solution is not { Count: > 0 } || string.IsNullOrWhiteSpace(config.Slug))
        {
            throw new GradingInputException($"{configPath}: \"slug\" and \"files.solution\" (the learner's files) must be given.");
        }

        var root = Path.GetDirectoryName(Path.GetDirectoryName(exercise)) ?? exercise;
        var grader = Path.Combine(root, "graders", config.Slug);
        var manifestPath = Path.Combine(grader, "grader.json");
        var manifest = File.Exists(manifestPath) ? Read<GraderManifest>(manifestPath) : new GraderManifest(config.Slug, [], null, null, null);
        return new ExerciseLayout(root, config.Slug, exercise, grader, config, manifest);
    }

    /// <summary>Reads the JSON manifest at <paramref name="path"/>; throws <see cref="GradingInputException"/>
    /// naming the file (and line) when it is missing or malformed.</summary>
    internal static T Read<T>(string path)
    {
        if (!File.Exists(path))
        {
            throw new GradingInputException($"{path} is missing: see docs/EXERCISES.md for what it holds.");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), _json)
                ?? throw new GradingInputException($"{path} is empty: see docs/EXERCISES.md for what it holds.");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"{path}:{line + 1}" : path;
            throw new GradingInputException($"{where}: not valid JSON for this file: {e.Message} See docs/EXERCISES.md.", e);
        }
    }

    private static string Known(string repositoryRoot)
    {
        var root = Path.Combine(repositoryRoot, "exercises");
        var slugs = Directory.Exists(root)
            ? Directory.EnumerateDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()
            : [];
        return slugs.Count == 0 ? "There are no exercises yet." : $"Exercises: {string.Join(", ", slugs)}.";
    }

    private static IEnumerable<string> SourcesUnder(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(path => !IsBuildOutput(folder, path))
                .Order(StringComparer.Ordinal)
            : [];

    /// <summary>True when <paramref name="path"/> lies in a <c>bin/</c> or <c>obj/</c> folder under <paramref name="root"/>.</summary>
    internal static bool IsBuildOutput(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        return relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal)
            || relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal);
    }
}
