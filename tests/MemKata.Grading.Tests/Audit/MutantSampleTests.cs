using MemKata.Grading.Audit;

namespace MemKata.Grading.Tests.Audit;

public sealed class MutantSampleTests
{
    private static readonly IReadOnlyList<Mutant> _mutants =
        [.. Enumerable.Range(0, 200).Select(i => new Mutant($"M{i}", "F.cs", "F", MutationOperator.OffByOne, i + 1, i, 1, "1", "2"))];

    [Test]
    public void A_sample_is_capped_and_keeps_the_files_order()
    {
        var sample = MutantSample.Choose(_mutants, seed: 1, max: 30);

        Assert.That(sample, Has.Count.EqualTo(30));
        Assert.That(sample.Select(m => m.Start), Is.Ordered);
    }

    [Test]
    public void The_same_seed_gives_the_same_sample_and_another_seed_another()
    {
        var first = MutantSample.Choose(_mutants, 1, 30);

        Assert.That(MutantSample.Choose(_mutants, 1, 30), Is.EqualTo(first));
        Assert.That(MutantSample.Choose(_mutants, 2, 30), Is.Not.EqualTo(first));
    }

    [Test]
    public void Under_the_cap_every_mutant_is_taken() =>
        Assert.That(MutantSample.Choose(_mutants, 1, 500), Is.EqualTo(_mutants));

    [Test]
    public void A_mutant_added_elsewhere_moves_the_sample_by_at_most_one()
    {
        var before = MutantSample.Choose(_mutants, 7, 50).Select(m => m.Id).ToHashSet();
        var grown = _mutants.Append(new Mutant("New", "F.cs", "F", MutationOperator.OffByOne, 999, 999, 1, "1", "2")).ToList();

        var after = MutantSample.Choose(grown, 7, 50).Select(m => m.Id).ToHashSet();

        Assert.That(before.Except(after).Count(), Is.LessThanOrEqualTo(1));
    }
}
