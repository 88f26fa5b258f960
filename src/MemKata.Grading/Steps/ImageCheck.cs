using MemKata.Analyzers.Runner;
using MemKata.Grading.Model;

namespace MemKata.Grading.Steps;

/// <summary>
/// Step 3, in the grader: the learner's emitted image checked against the same allowlist as the analyzers, by another
/// mechanism (its metadata, read with System.Reflection.Metadata: every TypeRef, MemberRef, MethodSpec, TypeSpec, custom
/// attribute, P/Invoke, module initializer and finalizer), so a gap in the analyzers is caught here. A finding rejects
/// the submission as a blocking analyzer finding does. It reads the image; it never loads or runs it
/// (<c>MemKata.Analyzers.Runner.LearnerImageCheck</c>). It runs when the analyzers do (<see cref="GradingOptions.RunAnalyzers"/>), or alone
/// (<see cref="GradingOptions.CheckImage"/>).
/// </summary>
internal static class ImageCheck
{
    /// <summary>The problem id of an image-check finding.</summary>
    public const string FindingId = "MKG006";

    /// <summary>What the image check finds in <paramref name="learnerImage"/>: blocking problems, or none.</summary>
    public static IReadOnlyList<SourceProblem> Check(byte[] learnerImage)
    {
        ArgumentNullException.ThrowIfNull(learnerImage);
        return [.. LearnerImageCheck.Check(learnerImage)
            .Select(finding => new SourceProblem(null, null, null, FindingId, $"{finding.Symbol}: {finding.Message}", true))];
    }
}
