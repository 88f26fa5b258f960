using MemKata.Grading.Tests.Support;
using MemKata.Tests.Shared;

namespace MemKata.Grading.Tests.Proof;

/// <summary>The sample submissions stored as patches (tests/testdata/submissions/*/*/*.patch) apply to the file they
/// name and change it; a patch whose base has moved fails with the patch line, never with a different file.</summary>
public sealed class SamplePatchTests
{
    public static IEnumerable<TestCaseData> Patches() =>
        Directory.GetFiles(Path.Combine(TestData.RealRepository, "tests", "testdata", "submissions"), "*.patch", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(Path.GetRelativePath(TestData.RealRepository, path)).SetArgDisplayNames(Path.GetRelativePath(TestData.RealRepository, path)));

    [TestCaseSource(nameof(Patches))]
    public void Patch_applies_to_its_base_and_changes_it_unless_it_has_no_hunk(string relativePath)
    {
        var patch = UnifiedPatch.Read(Path.Combine(TestData.RealRepository, relativePath));
        var baseText = File.ReadAllText(Path.Combine(TestData.RealRepository, patch.BasePath));

        var patched = patch.Apply(baseText);

        Assert.That(patched, patch.HunkCount == 0 ? Is.EqualTo(baseText) : Is.Not.EqualTo(baseText));
        Assert.That(patched, Does.EndWith("\n"));
    }

    [Test]
    public void Only_the_stub_samples_are_their_base_unchanged()
    {
        var unchanged = Patches()
            .Select(data => (string)data.Arguments[0]!)
            .Where(path => UnifiedPatch.Read(Path.Combine(TestData.RealRepository, path)).HunkCount == 0)
            .Select(path => Path.GetFileName(Path.GetDirectoryName(path)));

        Assert.That(unchanged, Is.EqualTo(new[] { "stub", "stub", "stub" }));
    }

    [Test]
    public void Patch_whose_base_moved_names_the_line_that_no_longer_matches()
    {
        var file = Path.Combine(Path.GetTempPath(), $"memkata-patch-{Guid.NewGuid():N}.cs.patch");
        File.WriteAllText(file, "--- a/base.cs\n+++ b/X.cs\n@@ -1,2 +1,2 @@\n line one\n-line two\n+line 2\n");
        try
        {
            var patch = UnifiedPatch.Read(file);

            Assert.That(patch.Apply("line one\nline two\nline three\n"), Is.EqualTo("line one\nline 2\nline three\n"));
            Assert.That(() => patch.Apply("line one\nline TWO\n"),
                Throws.TypeOf<InvalidDataException>().With.Message.EqualTo($"{file}:5: does not apply to base.cs:2: expected 'line two', found 'line TWO' (regenerate the patch)"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Pure_insertion_goes_after_the_line_its_header_names()
    {
        var file = Path.Combine(Path.GetTempPath(), $"memkata-patch-{Guid.NewGuid():N}.cs.patch");
        File.WriteAllText(file, "--- a/base.cs\n+++ b/X.cs\n@@ -1,0 +2 @@\n+inserted\n");
        try
        {
            Assert.That(UnifiedPatch.Read(file).Apply("a\nb\n"), Is.EqualTo("a\ninserted\nb\n"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
