using System.IO.Compression;
using MemKata.Grading.Publishing;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Publishing;

/// <summary>The zip of <c>memkata gradescope bundle</c>: the scripts at its root and executable, one exercise only, no
/// build output, byte-identical from run to run. (Running the zip's scripts is GradescopeBundleTests' part.)</summary>
public sealed class GradescopeBundleZipTests
{
    [Test]
    public void Holds_the_scripts_at_its_root_one_exercise_and_no_build_output_the_same_each_time()
    {
        var folder = Directory.CreateTempSubdirectory("memkata-bundle-").FullName;
        try
        {
            var first = Path.Combine(folder, "a.zip");
            var second = Path.Combine(folder, "b.zip");
            GradescopeBundle.Write(TestData.RealRepository, "allocator", first);
            GradescopeBundle.Write(TestData.RealRepository, "allocator", second);

            using var zip = ZipFile.OpenRead(first);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(names, Does.Contain("setup.sh").And.Contain("run_autograder").And.Contain("SLUG").And.Contain("README.md").And.Contain("global.json"));
                Assert.That(names, Does.Contain("exercises/allocator/.meta/config.json").And.Contain("graders/allocator/grader.json"));
                Assert.That(names, Has.Some.StartWith("graders/_shared/").And.Some.StartWith("src/MemKata.Cli/"));
                Assert.That(names, Has.None.StartWith("exercises/fault-handler").And.None.StartWith("graders/fault-handler").And.None.StartWith("tests/"));
                Assert.That(names, Has.None.Contains("/bin/").And.None.Contains("/obj/"));
                Assert.That((zip.GetEntry("run_autograder")!.ExternalAttributes >> 16) & 0x1FF, Is.EqualTo(0x1ED), "mode 755");
                Assert.That(new StreamReader(zip.GetEntry("SLUG")!.Open()).ReadToEnd(), Is.EqualTo("allocator\n"));
                Assert.That(File.ReadAllBytes(second), Is.EqualTo(File.ReadAllBytes(first)));
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void An_unknown_exercise_is_refused() =>
        Assert.Throws<GradingInputException>(() => GradescopeBundle.Write(TestData.RealRepository, "nope", Path.Combine(Path.GetTempPath(), "never.zip")));
}
