using MemKata.Grading.Similarity;

namespace MemKata.Grading.Tests.Similarity;

// The calibration set as data (testdata/similarity/calibration.json and README.md), checked as grading checks it: every
// attack and near-copy is flagged, and no honest sample is flagged, against any reference or against another honest
// sample. The numbers are in docs/GRADING.md, "Similarity".
public sealed class CalibrationTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        CalibrationSet.Cases.Select(c => new TestCaseData(c).SetName($"Calibration {c.Kind} {c.Name}"));

    [TestCaseSource(nameof(Cases))]
    public void Gets_the_flag_it_was_calibrated_with(CalibrationSet.Case calibration)
    {
        var checker = ExerciseSimilarity.Checker(CalibrationSet.Exercise(calibration.Exercise))!;

        var result = checker.Check(CalibrationSet.Submission(calibration.Exercise, calibration.Submission), calibration.Name);

        Assert.That(result.Flagged, Is.EqualTo(calibration.Flagged), $"{result.Right}: {result.Summary}");
    }

    private static IEnumerable<TestCaseData> HonestPairs() =>
        CalibrationSet.Cases.Where(c => c.Kind == "honest").GroupBy(c => c.Exercise)
            .SelectMany(g => g.SelectMany((a, i) => g.Skip(i + 1).Select(b => new TestCaseData(a, b).SetName($"Calibration honest pair {a.Name} ~ {Path.GetFileName(b.Submission)}"))));

    [TestCaseSource(nameof(HonestPairs))]
    public void Two_honest_samples_are_not_flagged(CalibrationSet.Case left, CalibrationSet.Case right)
    {
        var options = SimilarityOptions.Default;
        var baseCode = BaseCode.From(CalibrationSet.Stub(left.Exercise), options);
        var a = ProgramFingerprints.Of(CalibrationSet.Submission(left.Exercise, left.Submission), options, baseCode);
        var b = ProgramFingerprints.Of(CalibrationSet.Submission(right.Exercise, right.Submission), options, baseCode);

        var pair = PairComparer.Compare(left.Name, a, right.Name, b, options);

        Assert.That(pair.Flagged, Is.False, pair.Summary);
    }

    [Test]
    public void Every_folder_of_the_calibration_data_is_a_case()
    {
        var folders = Directory.GetDirectories(CalibrationSet.Folder).SelectMany(Directory.GetDirectories)
            .Select(f => Path.GetRelativePath(Support.TestData.RealRepository, f).Replace('\\', '/'));

        Assert.That(CalibrationSet.Cases.Select(c => c.Submission), Is.SupersetOf(folders));
    }
}
