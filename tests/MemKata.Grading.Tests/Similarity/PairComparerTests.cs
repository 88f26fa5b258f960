using MemKata.Grading.Similarity;

namespace MemKata.Grading.Tests.Similarity;

public sealed class PairComparerTests
{
    private static readonly SimilarityOptions _options = SimilarityOptions.Default;

    private const string SmallMethod = """
        class A
        {
            int F(int x)
            {
                var total = 0;
                for (var i = 0; i < x; i++)
                {
                    total += i * i;
                    if (total > 1000) { total -= 1000; }
                }
                return total + x * 3 - 7;
            }
        }
        """;

    private const string SmallMethodAmongOthers = """
        class B
        {
            void Unrelated() { System.Console.WriteLine("hello"); }

            // Moved here, names changed.
            int G(int n)
            {
                var sum = 0;
                for (var k = 0; k < n; k++)
                {
                    sum += k * k;
                    if (sum > 1000) { sum -= 1000; }
                }
                return sum + n * 3 - 7;
            }
        }
        """;

    [Test]
    public void A_renamed_copy_scores_1_and_its_regions_cover_every_member_on_both_sides()
    {
        var reference = Fingerprints(CalibrationSet.Example("allocator"));
        var copy = Fingerprints(CalibrationSet.Submission("allocator", "tests/MemKata.Grading.Tests/testdata/similarity/allocator/attack-disguised"));

        var pair = PairComparer.Compare("copy", copy, "reference", reference, _options, PairComparer.RegionPolicy.Always);

        Assert.Multiple(() =>
        {
            Assert.That(pair.Score, Is.EqualTo(1.0));
            Assert.That(pair.Flagged);
            Assert.That(pair.MatchedTokens, Is.GreaterThan(0.95 * pair.RightTokens));
            Assert.That(pair.Regions.Select(r => r.Tokens), Is.Ordered.Descending);
            Assert.That(pair.Regions, Has.All.Matches<MatchRegion>(r => r.Left.Path == "Allocator.cs" && r.Right.Path == "Example.cs"));
        });
    }

    [Test]
    public void A_region_shows_the_lines_of_the_same_code_on_each_side()
    {
        var pair = PairComparer.Compare("a", Program(SmallMethod), "b", Program(SmallMethodAmongOthers), _options, PairComparer.RegionPolicy.Always);

        var region = pair.Regions.Single();
        Assert.Multiple(() =>
        {
            Assert.That((region.Left.First, region.Left.Last), Is.EqualTo((3, 11)));
            Assert.That((region.Right.First, region.Right.Last), Is.EqualTo((6, 14)));
            Assert.That(region.LeftText[0].Trim(), Is.EqualTo("int F(int x)"));
            Assert.That(region.RightText[0].Trim(), Is.EqualTo("int G(int n)"));
        });
    }

    [Test]
    public void The_stub_s_code_is_no_evidence()
    {
        var stub = CalibrationSet.Stub("fault-handler");
        var baseCode = BaseCode.From(stub, _options);

        var pair = PairComparer.Compare(
            "stub", ProgramFingerprints.Of(stub, _options, baseCode),
            "reference", ProgramFingerprints.Of(CalibrationSet.Example("fault-handler"), _options, baseCode), _options);

        Assert.Multiple(() =>
        {
            Assert.That(pair.Shared, Is.Zero);
            Assert.That(pair.LeftFingerprints, Is.Zero);
            Assert.That(pair.Flagged, Is.False);
        });
    }

    [Test]
    public void The_score_is_the_same_whichever_side_a_program_is_on()
    {
        var a = Fingerprints(CalibrationSet.Submission("reclaim-policy", "tests/MemKata.Grading.Tests/testdata/similarity/reclaim-policy/honest-a"));
        var b = Fingerprints(CalibrationSet.Example("reclaim-policy"));

        var one = PairComparer.Compare("a", a, "b", b, _options);
        var other = PairComparer.Compare("b", b, "a", a, _options);

        Assert.That((other.Score, other.Shared), Is.EqualTo((one.Score, one.Shared)));
    }

    [Test]
    public void Ignored_fingerprints_count_on_neither_side()
    {
        var a = Fingerprints(CalibrationSet.Example("reclaim-policy"));

        var pair = PairComparer.Compare("a", a, "a again", a, _options, ignored: a.Hashes);

        Assert.That((pair.Score, pair.Shared, pair.LeftFingerprints), Is.EqualTo((0.0, 0, 0)));
    }

    [Test]
    public void A_few_lines_in_common_are_not_flagged_however_high_their_share()
    {
        var pair = PairComparer.Compare("a", Program(SmallMethod), "b", Program(SmallMethodAmongOthers), _options);

        Assert.Multiple(() =>
        {
            Assert.That(pair.Score, Is.GreaterThanOrEqualTo(_options.Threshold));
            Assert.That(pair.Shared, Is.GreaterThan(0).And.LessThan(_options.MinShared));
            Assert.That(pair.Flagged, Is.False);
        });
    }

    private static ProgramFingerprints Program(string source) =>
        ProgramFingerprints.Of([new SimilaritySource("X.cs", source)], _options, BaseCode.None);

    private static ProgramFingerprints Fingerprints(IReadOnlyList<SimilaritySource> sources, string slug = "allocator") =>
        ProgramFingerprints.Of(sources, _options, BaseCode.From(CalibrationSet.Stub(slug), _options));
}
