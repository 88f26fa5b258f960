using MemKata.Grading.Similarity;

namespace MemKata.Grading.Tests.Similarity;

public sealed class StableHashTests
{
    // The published FNV-1a 64-bit test vectors (Fowler, Noll, Vo: "FNV test vectors"), so token codes are the same on
    // every machine and in every run.
    [TestCase("", 0xcbf29ce484222325UL)]
    [TestCase("a", 0xaf63dc4c8601ec8cUL)]
    [TestCase("foobar", 0x85944171f73967e8UL)]
    public void Token_codes_are_FNV_1a_64(string key, ulong expected) =>
        Assert.That(StableHash.Of(key), Is.EqualTo(expected));

    [Test]
    public void A_rolling_k_gram_hash_equals_the_hash_of_the_same_k_gram_computed_alone()
    {
        var random = new Random(7);
        var codes = Enumerable.Range(0, 200).Select(_ => (ulong)random.NextInt64()).ToList();

        var rolling = StableHash.KGrams(codes, 9);

        Assert.That(rolling, Has.Length.EqualTo(192));
        for (var i = 0; i < rolling.Length; i++)
        {
            Assert.That(rolling[i], Is.EqualTo(StableHash.KGrams(codes.Skip(i).Take(9).ToList(), 9).Single()), $"k-gram {i}");
        }
    }

    [Test]
    public void Equal_k_grams_hash_equal_and_a_changed_token_changes_every_k_gram_that_holds_it()
    {
        ulong[] a = [1, 2, 3, 4, 5, 6, 7, 8];
        ulong[] b = [9, 2, 3, 4, 5, 6, 7, 8];

        var left = StableHash.KGrams(a, 4);
        var right = StableHash.KGrams(b, 4);

        Assert.Multiple(() =>
        {
            Assert.That(left[0], Is.Not.EqualTo(right[0]));
            Assert.That(left[1..], Is.EqualTo(right[1..]));
            Assert.That(StableHash.KGrams(a[..3], 4), Is.Empty);
        });
    }
}
