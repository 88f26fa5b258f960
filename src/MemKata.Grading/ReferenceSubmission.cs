using MemKata.Grading.Layout;

namespace MemKata.Grading;

/// <summary>The exercise's reference solution laid out as a submission: each <c>files.example</c> file written under
/// the name of the <c>files.solution</c> file at the same position (Exercism's swap of the example over the stub).</summary>
public static class ReferenceSubmission
{
    /// <summary>Writes the reference of <paramref name="exercise"/> into <paramref name="directory"/> (created) and
    /// returns it. Throws <see cref="GradingInputException"/> when the manifest lists no matching example files.</summary>
    public static string Create(ExerciseLayout exercise, string directory)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var solution = exercise.Config.Files.Solution;
        var example = exercise.Config.Files.Example ?? [];
        if (example.Count != solution.Count)
        {
            throw new GradingInputException(
                $"{Path.Combine(exercise.ExerciseDirectory, ".meta", "config.json")}: \"files.example\" must list one " +
                $"reference file per solution file ({solution.Count}), in the same order; it lists {example.Count}.");
        }

        Directory.CreateDirectory(directory);
        for (var i = 0; i < solution.Count; i++)
        {
            var source = Path.Combine(exercise.ExerciseDirectory, example[i]);
            if (!File.Exists(source))
            {
                throw new GradingInputException($"{source} is missing: .meta/config.json lists it as the reference for {solution[i]}.");
            }

            var target = Path.Combine(directory, solution[i]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
        }

        return directory;
    }
}
