using MemKata.Grading.Layout;
using MemKata.Grading.Model;

namespace MemKata.Grading.Steps;

/// <summary>Step 2: the learner's files, exactly those <c>files.solution</c> lists, read from a submission folder. A
/// listed file is found at its path in the folder or, for uploads that flatten folders, by its name at the top.
/// Anything else in the folder is ignored. A missing or oversized file becomes a <see cref="SourceProblem"/>, not an
/// exception.</summary>
public static class SubmissionFiles
{
    /// <summary>The problem id of a declared file that is missing or too large.</summary>
    public const string MissingFileId = "MKG001";

    private const long MaxFileBytes = 512 * 1024;

    /// <summary>Reads the solution files of <paramref name="config"/> from <paramref name="submissionDirectory"/>: the
    /// files found (path as declared, text) and the problems met.</summary>
    public static (IReadOnlyList<(string Path, string Text)> Files, IReadOnlyList<SourceProblem> Problems) Collect(
        ExerciseConfig config, string submissionDirectory)
    {
        ArgumentNullException.ThrowIfNull(config);
        var files = new List<(string, string)>();
        var problems = new List<SourceProblem>();
        foreach (var declared in config.Files.Solution)
        {
            var nested = Path.Combine(submissionDirectory, declared);
            var flat = Path.Combine(submissionDirectory, Path.GetFileName(declared));
            var found = File.Exists(nested) ? nested : File.Exists(flat) ? flat : null;
            if (found is null)
            {
                problems.Add(new SourceProblem(declared, null, null, MissingFileId,
                    $"missing: this exercise grades {declared} (\"files.solution\" in the exercise's config) and the " +
                    $"submission has no such file. Submit your {Path.GetFileName(declared)} with that exact name.", true));
                continue;
            }

            if (new FileInfo(found).Length > MaxFileBytes)
            {
                problems.Add(new SourceProblem(declared, null, null, MissingFileId,
                    $"too large: {new FileInfo(found).Length / 1024} KiB, more than the {MaxFileBytes / 1024} KiB a " +
                    "source file may have here. Is it the right file?", true));
                continue;
            }

            files.Add((declared, File.ReadAllText(found)));
        }

        return (files, problems);
    }
}
