using System.Reflection;
using System.Text;
using NUnit.Framework;
using NUnit.Framework.Internal;

namespace MemKata.Testing;

/// <summary>
/// How a hidden suite's snapshot checks meet the grading worker, without files: the committed snapshots are compiled
/// into the suite assembly as resources named <see cref="ResourcePrefix"/> + file name, and a record run (only
/// <c>memkata snapshots update</c> starts one) hands the actual texts back as properties of the running test, which the
/// worker sends to the grader; the grader writes the files. Nothing in the environment switches recording on: only the
/// test parameter <see cref="ModeParameter"/> that the worker's record job sets.
/// </summary>
public static class SnapshotChannel
{
    /// <summary>The prefix of a snapshot's resource name: <c>__snapshots__/mixed-101.snap</c>.</summary>
    public const string ResourcePrefix = "__snapshots__/";

    /// <summary>The NUnit test parameter that says how snapshot checks run; <see cref="RecordMode"/> records.</summary>
    public const string ModeParameter = "memkata.snapshots";

    /// <summary>The value of <see cref="ModeParameter"/> in a record run.</summary>
    public const string RecordMode = "record";

    /// <summary>The prefix of the test property that carries a recorded snapshot, followed by its file name.</summary>
    public const string PropertyPrefix = "memkata.snapshot:";

    /// <summary>True in a record run: snapshot checks record what they see instead of comparing.</summary>
    public static bool IsRecording => TestContext.Parameters.Get(ModeParameter) == RecordMode;

    /// <summary>The committed text of snapshot <paramref name="fileName"/> (e.g. <c>mixed-101.snap</c>) embedded in
    /// <paramref name="suite"/>, without its byte order mark; null when the suite holds no such snapshot.</summary>
    public static string? Expected(Assembly suite, string fileName)
    {
        ArgumentNullException.ThrowIfNull(suite);
        using var stream = suite.GetManifestResourceStream(ResourcePrefix + fileName);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>In a record run, hands <paramref name="text"/> back as the new snapshot <paramref name="fileName"/> of
    /// the running test.</summary>
    public static void Record(string fileName, string text) =>
        TestExecutionContext.CurrentContext.CurrentTest.Properties.Add(PropertyPrefix + fileName, text);
}
