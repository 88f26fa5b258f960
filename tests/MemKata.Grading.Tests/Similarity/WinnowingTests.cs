using MemKata.Grading.Similarity;

namespace MemKata.Grading.Tests.Similarity;

public sealed class WinnowingTests
{
    private const int K = 14;
    private const int W = 8;

    // The guarantee the check rests on: a common run of w + k - 1 tokens, anywhere in two otherwise unrelated sequences,
    // always gives a common fingerprint. Checked on 300 seeded random placements.
    [Test]
    public void A_common_run_of_w_plus_k_minus_1_tokens_always_shares_a_fingerprint([Range(0, 299)] int seed)
    {
        var random = new Random(seed);
        var run = Codes(random, W + K - 1);
        var left = Plant(Codes(random, 400), run, random.Next(0, 400));
        var right = Plant(Codes(random, 300), run, random.Next(0, 300));

        var shared = Fingerprints(left).Intersect(Fingerprints(right));

        Assert.That(shared, Is.Not.Empty);
    }

    [Test]
    public void Unrelated_sequences_share_no_fingerprint()
    {
        var random = new Random(1);

        Assert.That(Fingerprints(Codes(random, 500)).Intersect(Fingerprints(Codes(random, 500))), Is.Empty);
    }

    [Test]
    public void Every_window_holds_a_selected_position_and_each_selection_is_the_minimum_of_a_window_holding_it()
    {
        var random = new Random(3);
        var hashes = StableHash.KGrams(Codes(random, 300), K);

        var selected = Winnowing.Select(hashes, W);

        Assert.Multiple(() =>
        {
            for (var start = 0; start + W <= hashes.Length; start++)
            {
                Assert.That(selected.Any(f => f.Position >= start && f.Position < start + W), $"window {start}");
            }

            foreach (var f in selected)
            {
                Assert.That(f.Hash, Is.EqualTo(hashes[f.Position]));
                var windows = Enumerable.Range(Math.Max(0, f.Position - W + 1), W).Where(s => s + W <= hashes.Length);
                Assert.That(windows.Any(s => hashes.Skip(s).Take(W).Min() == f.Hash), $"position {f.Position}");
            }

            Assert.That(selected.Select(f => f.Position), Is.Ordered.Ascending.And.Unique);
        });
    }

    [Test]
    public void Keeps_about_two_in_w_plus_1_k_grams()
    {
        var hashes = StableHash.KGrams(Codes(new Random(5), 20_000), K);

        var density = (double)Winnowing.Select(hashes, W).Count / hashes.Length;

        Assert.That(density, Is.EqualTo(2.0 / (W + 1)).Within(0.02));
    }

    [Test]
    public void A_sequence_shorter_than_a_window_keeps_its_minimum_and_an_empty_one_nothing()
    {
        ulong[] hashes = [5, 3, 9];

        Assert.Multiple(() =>
        {
            Assert.That(Winnowing.Select(hashes, W), Is.EqualTo(new[] { new Fingerprint(3, 1) }));
            Assert.That(Winnowing.Select([], W), Is.Empty);
        });
    }

    private static ulong[] Codes(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => (ulong)random.Next(0, 40))];

    private static ulong[] Plant(ulong[] codes, ulong[] run, int at) => [.. codes[..at], .. run, .. codes[at..]];

    private static HashSet<ulong> Fingerprints(ulong[] codes) =>
        [.. Winnowing.Select(StableHash.KGrams(codes, K), W).Select(f => f.Hash)];
}
