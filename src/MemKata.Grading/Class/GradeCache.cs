using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MemKata.Grading.Layout;
using MemKata.Grading.Model;
using MemKata.Grading.Output;
using MemKata.Grading.Steps;

namespace MemKata.Grading.Class;

/// <summary>
/// Remembers a class's reports by content, so that grading the class again regrades only the submissions that changed
/// (docs/GRADING.md, "A class"). A report is reused when both hashes are the same as when it was made: the submission's
/// (SHA-256 of the files the collect step takes, each with its declared path, or of the problems it met) and the
/// grader's (SHA-256 of <c>grader.json</c>, the exercise's <c>.meta/config.json</c>, every hidden test source and
/// snapshot, and the build of memkata's grading library); any change to the hidden tests or to memkata regrades every
/// submission. The cache is one JSON file beside the output (<c>scores.csv</c> → <c>scores.cache.json</c>), written
/// atomically; a cache that cannot be read is ignored (everything is regraded), never an error.
/// </summary>
public sealed class GradeCache
{
    private static readonly JsonSerializerOptions _json = new() { WriteIndented = false };

    private readonly string _grader;
    private readonly Dictionary<string, Entry> _entries;
    private readonly Lock _gate = new();

    private GradeCache(string grader, Dictionary<string, Entry> entries)
    {
        _grader = grader;
        _entries = entries;
    }

    /// <summary>The cache file beside <paramref name="output"/>: its name without extension plus <c>.cache.json</c>.</summary>
    public static string PathFor(string output) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, Path.GetFileNameWithoutExtension(output) + ".cache.json");

    /// <summary>The cache at <paramref name="path"/> for <paramref name="exercise"/>'s grader as it is now: empty when
    /// the file is missing, unreadable, or made for another grader.</summary>
    public static GradeCache Load(string path, ExerciseLayout exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var grader = GraderHash(exercise);
        try
        {
            if (File.Exists(path) && JsonSerializer.Deserialize<Stored>(File.ReadAllText(path), _json) is { } stored && stored.Grader == grader)
            {
                return new GradeCache(grader, stored.Entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));
            }
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // A damaged cache only costs time: everything is graded again.
        }

        return new GradeCache(grader, new Dictionary<string, Entry>(StringComparer.Ordinal));
    }

    /// <summary>How many reports <see cref="Find"/> has given back (submissions not regraded).</summary>
    public int Reused { get; private set; }

    /// <summary>An empty cache for <paramref name="exercise"/>'s grader (<c>--regrade</c>: grade everything, then
    /// remember it).</summary>
    public static GradeCache Fresh(ExerciseLayout exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        return new GradeCache(GraderHash(exercise), new Dictionary<string, Entry>(StringComparer.Ordinal));
    }

    /// <summary>The report kept for submission <paramref name="name"/> if its content hash is still
    /// <paramref name="contentHash"/>; else null.</summary>
    public GradeReport? Find(string name, string contentHash)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(name, out var entry) && entry.Content == contentHash)
            {
                Reused++;
                return entry.Report;
            }

            return null;
        }
    }

    /// <summary>Keeps <paramref name="report"/> for <paramref name="name"/> under <paramref name="contentHash"/>.</summary>
    public void Remember(string name, string contentHash, GradeReport report)
    {
        lock (_gate)
        {
            _entries[name] = new Entry(contentHash, report);
        }
    }

    /// <summary>Writes the cache to <paramref name="path"/>, keeping only <paramref name="names"/> (the class as
    /// graded now).</summary>
    public void Save(string path, IReadOnlyCollection<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        Dictionary<string, Entry> kept;
        lock (_gate)
        {
            kept = _entries.Where(e => names.Contains(e.Key)).OrderBy(e => e.Key, StringComparer.Ordinal)
                .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        }

        AtomicFile.Write(path, writer => writer.Write(JsonSerializer.Serialize(new Stored(_grader, kept), _json)));
    }

    /// <summary>The content hash of the submission in <paramref name="folder"/>: what the collect step takes from it.</summary>
    public static string ContentHash(ExerciseConfig config, string folder)
    {
        var (files, problems) = SubmissionFiles.Collect(config, folder);
        var text = new StringBuilder();
        foreach (var (path, content) in files)
        {
            text.Append("file\0").Append(path).Append('\0').Append(content.Length).Append('\0').Append(content).Append('\0');
        }

        foreach (var problem in problems)
        {
            text.Append("problem\0").Append(problem).Append('\0');
        }

        return Hash(text.ToString());
    }

    private static string GraderHash(ExerciseLayout exercise)
    {
        var text = new StringBuilder();
        var inputs = new[]
            {
                Path.Combine(exercise.GraderDirectory, "grader.json"),
                Path.Combine(exercise.ExerciseDirectory, ".meta", "config.json"),
            }
            .Concat(exercise.GraderSources)
            .Concat(Directory.Exists(exercise.SnapshotDirectory)
                ? Directory.EnumerateFiles(exercise.SnapshotDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                : []);
        foreach (var file in inputs.Where(File.Exists))
        {
            text.Append(Path.GetRelativePath(exercise.RepositoryRoot, file)).Append('\0').Append(File.ReadAllText(file)).Append('\0');
        }

        text.Append(typeof(GradeCache).Assembly.ManifestModule.ModuleVersionId);
        return Hash(text.ToString());
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>One remembered report.</summary>
    /// <param name="Content">The submission's content hash when graded.</param>
    /// <param name="Report">Its report.</param>
    public sealed record Entry(string Content, GradeReport Report);

    /// <summary>The file's content.</summary>
    /// <param name="Grader">The grader's hash the reports were made with.</param>
    /// <param name="Entries">The reports, by submission name.</param>
    public sealed record Stored(string Grader, Dictionary<string, Entry> Entries);
}
