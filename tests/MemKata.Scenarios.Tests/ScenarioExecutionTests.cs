namespace MemKata.Scenarios.Tests;

/// <summary>Dangling pointers run as C runs them, on the simulated glibc. The glibc messages expected here are the ones
/// glibc 2.36 prints for the same C program (malloc, free, free): checked with gcc on Debian 12.</summary>
public class ScenarioExecutionTests
{
    private static StepOutcome Last(string steps) =>
        ScenarioRunner.Run(ScenarioParser.Parse("steps:\n" + steps, "s.yaml")).Steps[^1];

    [TestCase("1", "free(): double free detected in tcache 2")]
    [TestCase("2000", "double free or corruption (top)")]
    public void A_double_free_aborts_with_glibcs_message(string size, string glibc)
    {
        var outcome = Last($"  - malloc: {size}\n    as: p\n  - free: p\n  - free: p\n");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Kind, Is.EqualTo(StepOutcomeKind.Aborted));
            Assert.That(outcome.Detail, Is.EqualTo($"{glibc} (a double free: p was freed at step 2; in C this is undefined behaviour)"));
        });
    }

    [Test]
    public void A_double_free_of_an_mmapped_block_faults_as_glibc_does() =>
        Assert.That(Last("  - malloc: 1 MiB\n    as: p\n  - free: p\n  - free: p\n").Kind, Is.EqualTo(StepOutcomeKind.SegmentationFault));

    [Test]
    public void A_touch_after_free_runs_and_says_so()
    {
        var outcome = Last("  - malloc: 100\n    as: p\n  - free: p\n  - touch: p\n");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Kind, Is.EqualTo(StepOutcomeKind.Touched));
            Assert.That(outcome.Result, Is.EqualTo("1 pages written (a use after free: p was freed at step 2; in C this is undefined behaviour)"));
        });
    }

    [Test]
    public void A_touch_far_past_a_block_faults_instead_of_wrapping() =>
        Assert.That(Last("  - malloc: 1\n    as: p\n  - touch: p\n    offset: 8388608 TiB\n    length: 1\n").Kind, Is.EqualTo(StepOutcomeKind.SegmentationFault));

    [Test]
    public void A_refused_mmap_says_why()
    {
        var outcome = ScenarioRunner.Run(ScenarioParser.Parse("files: [ {name: f, size: 1 MiB} ]\nsteps:\n  - map_file: f\n    offset: 100\n", "s.yaml")).Steps[^1];

        Assert.That(outcome.Result, Is.EqualTo("NULL (failed: mmap set errno to EINVAL: the offset is not a multiple of the page size (4096))"));
    }
}
