using System.Security.Cryptography;
using System.Text;
using MemKata.Engine.Performance;
using MemKata.Engine.Traces;
using MemKata.Grading.Comparing;
using MemKata.Grading.Layout;

namespace MemKata.Grading.Publishing;

/// <summary>
/// The reference solution's numbers on an allocator exercise's public traces, for a published starter, which ships no
/// reference to run: <c>memkata publish</c> measures the reference on every <c>traces/*.rep</c> of the exercise (in
/// the grading worker, as <c>replay --exercise</c> runs a learner's allocator) and writes
/// <c>exercises/SLUG/traces/reference.tsv</c>; <c>memkata replay TRACE --exercise DIR</c> in the starter looks the trace
/// up there by the SHA-256 of its bytes, so a copy of a shipped trace anywhere is found and an edited one is not. One
/// line per trace, in file-name order: the hash, then the measurement as <see cref="TraceMeasurementText"/> writes it
/// (named by the trace's file name), after two comment lines (<c>#</c>). The numbers are simulated, so the same
/// repository always gives the same bytes.
/// </summary>
public static class ReferenceTraceTable
{
    /// <summary>The table's file name, in the exercise's <see cref="TracesFolder"/>.</summary>
    public const string FileName = "reference.tsv";

    /// <summary>The exercise's folder of public traces.</summary>
    public const string TracesFolder = "traces";

    /// <summary>The interface of the components whose exercises get a table: the replay runs allocators.</summary>
    public const string AllocatorInterface = "MemKata.Contracts.IAllocator";

    /// <summary>The most CPU time the reference may take on one trace.</summary>
    public static readonly TimeSpan TraceTimeout = TimeSpan.FromSeconds(60);

    private const string Header =
        "# The reference solution's numbers on the traces of this folder, measured by memkata publish; replay --exercise shows them beside yours.\n" +
        "# sha256 of the trace\ttrace\tpeak payload\tpeak footprint\taccesses\tbytes filled or copied\tsystem calls\tpage faults\tfailure\n";

    /// <summary>Where the table of the exercise in <paramref name="exerciseDirectory"/> is.</summary>
    public static string PathIn(string exerciseDirectory) => Path.Combine(exerciseDirectory, TracesFolder, FileName);

    /// <summary>The key of a trace: the SHA-256 of <paramref name="bytes"/> (the whole file, as stored), lowercase hex.</summary>
    public static string Key(Stream bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The table of <paramref name="exercise"/>, measured now with its reference solution; null when it is not
    /// an allocator exercise, has no reference or no traces. Throws <see cref="GradingInputException"/> when the
    /// reference does not compile or a trace is malformed.</summary>
    public static string? Measure(ExerciseLayout exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var folder = Path.Combine(exercise.ExerciseDirectory, TracesFolder);
        if (exercise.Config.Component?.Interface != AllocatorInterface || exercise.Config.Files.Example is not { Count: > 0 } || !Directory.Exists(folder))
        {
            return null;
        }

        var traces = Directory.GetFiles(folder, "*.rep").Order(StringComparer.Ordinal).ToList();
        if (traces.Count == 0)
        {
            return null;
        }

        var submission = Directory.CreateTempSubdirectory("memkata-publish-reference-");
        try
        {
            var (image, problems) = LearnerImage.Compile(exercise, ReferenceSubmission.Create(exercise, submission.FullName));
            if (image is null)
            {
                throw new GradingInputException(
                    $"the reference solution of {exercise.Slug} does not compile, so its numbers on the traces cannot be measured: {string.Join("; ", problems)}");
            }

            return Format(traces.Select(path => MeasureOne(exercise, image, path)));
        }
        finally
        {
            submission.Delete(recursive: true);
        }
    }

    /// <summary>The table's text: the comment lines, then one line per (key, measurement), in the order given.</summary>
    public static string Format(IEnumerable<(string Key, TraceMeasurement Measurement)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder(Header);
        foreach (var (key, measurement) in rows)
        {
            text.Append(key).Append('\t').Append(TraceMeasurementText.Format(measurement)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Reads a table back: its rows, each trace's key and measurement, in order. Throws
    /// <see cref="FormatException"/> naming the line that is not what <see cref="Format"/> writes.</summary>
    public static IReadOnlyList<(string Key, TraceMeasurement Measurement)> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var table = new List<(string Key, TraceMeasurement Measurement)>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            try
            {
                table.Add((fields[0], TraceMeasurementText.Parse(fields[1..])));
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                throw new FormatException($"line {i + 1}: {e.Message}", e);
            }
        }

        return table;
    }

    private static (string Key, TraceMeasurement Measurement) MeasureOne(ExerciseLayout exercise, byte[] image, string path)
    {
        var name = Path.GetFileName(path);
        var bytes = File.ReadAllBytes(path);
        using var reader = new StreamReader(new MemoryStream(bytes));
        var text = reader.ReadToEnd();
        Trace trace;
        try
        {
            trace = TraceParser.Parse(new StringReader(text), name);
        }
        catch (TraceFormatException e)
        {
            throw new GradingInputException($"{exercise.Slug}'s public trace {e.Message}");
        }

        var result = LearnerReplay.RunCompiled(exercise, image, trace, text, TraceTimeout, null, recordSyscalls: false, _ => { }, _ => { });
        var measured = result.End?.Measurement is { } m && result.Clean
            ? m with { Source = name }
            : new TraceMeasurement(name, 0, 0, default, "the reference solution did not finish this trace within the rules");
        using var stream = new MemoryStream(bytes);
        return (Key(stream), measured);
    }
}
