using System.Globalization;

namespace MemKata.Grading.Similarity;

/// <summary>
/// The class-mode pairs report, a plain-text file for instructors: what was compared and with which parameters, then
/// every flagged pair, highest score first, with its regions side by side (<see cref="SideBySide"/>). Says in its first
/// lines that a flag is a reason to look, not a verdict. Same class, same bytes.
/// </summary>
public static class ClassSimilarityText
{
    /// <summary>Writes <paramref name="report"/> for exercise <paramref name="slug"/>, compared with
    /// <paramref name="options"/>.</summary>
    public static void Write(string slug, ClassSimilarityReport report, SimilarityOptions options, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(writer);
        var threshold = options.Threshold.ToString("0.00", CultureInfo.InvariantCulture);
        writer.Write(
            $"Similarity between submissions: {slug} (instructors only)\n" +
            $"{report.Submissions} submissions, {report.Pairs} pairs compared; {report.Flagged.Count} flagged " +
            $"(score {threshold} or more and at least {options.MinShared} shared fingerprints).\n" +
            "A flag says two submissions share much more code than independent work usually does, after names, literals, " +
            "member order, comments and layout are set aside. It is a reason to read them side by side, not a verdict; " +
            "no score depends on it.\n" +
            $"Left out: the stub's code, and {report.CommonFingerprints} fingerprints found in more than " +
            $"{report.CommonLimit} submissions (common knowledge, not evidence). Each submission is also compared with " +
            "the reference, in its own report and in the CSV.\n");
        foreach (var pair in report.Flagged)
        {
            writer.Write("\n" + new string('=', (2 * SideBySide.ColumnWidth) + 3) + "\n");
            writer.Write(SideBySide.Render(pair, options.MaxRegions));
        }

        if (report.Flagged.Count == 0)
        {
            writer.Write("\nNo pair is flagged.\n");
        }
    }
}
