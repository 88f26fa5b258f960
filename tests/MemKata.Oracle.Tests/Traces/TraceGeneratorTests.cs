using MemKata.Engine.Traces;
using MemKata.Oracle.Traces;

namespace MemKata.Oracle.Tests.Traces;

public class TraceGeneratorTests
{
    private const ulong KiB = 1024;
    private const ulong MiB = 1024 * KiB;

    private static readonly TraceProfile[] Profiles = Enum.GetValues<TraceProfile>();

    [TestCaseSource(nameof(Profiles))]
    public void The_same_profile_seed_and_count_give_the_identical_trace(TraceProfile profile)
    {
        var first = Text(TraceGenerator.Generate(profile, 12345, 2000));
        var second = Text(TraceGenerator.Generate(profile, 12345, 2000));

        Assert.That(second, Is.EqualTo(first));
    }

    [TestCaseSource(nameof(Profiles))]
    public void Different_seeds_give_different_traces(TraceProfile profile)
    {
        var one = Text(TraceGenerator.Generate(profile, 1, 500));
        var two = Text(TraceGenerator.Generate(profile, 2, 500));

        Assert.That(two, Is.Not.EqualTo(one));
    }

    [Test]
    public void Different_profiles_with_the_same_seed_differ()
    {
        var texts = Profiles.Select(p => Text(TraceGenerator.Generate(p, 5, 300))).ToList();

        Assert.That(texts.Distinct().Count(), Is.EqualTo(texts.Count));
    }

    [Test]
    public void A_trace_has_exactly_the_requested_number_of_operations([Values(0, 1, 17, 2500)] int operations)
    {
        foreach (var profile in Profiles)
        {
            var trace = TraceGenerator.Generate(profile, 9, operations);
            Assert.That(trace.Operations, Has.Count.EqualTo(operations), profile.ToString());
        }
    }

    [Test]
    public void The_source_names_profile_seed_and_count()
    {
        var trace = TraceGenerator.Generate(TraceProfile.Coalescing, 77, 10);

        Assert.That(trace.Source, Is.EqualTo("generated:Coalescing:seed=77:ops=10"));
    }

    [Test]
    public void Line_numbers_are_those_the_rep_file_gives_each_operation()
    {
        var trace = TraceGenerator.Generate(TraceProfile.Mixed, 3, 50);

        Assert.That(trace.Operations.Select(op => op.LineNumber), Is.EqualTo(Enumerable.Range(5, 50)));
    }

    [Test]
    public void Traces_stay_within_their_bounds([Values(1UL, 2UL, 3UL)] ulong seed)
    {
        foreach (var profile in Profiles)
        {
            var trace = TraceGenerator.Generate(profile, seed, 3000);
            var live = new Dictionary<int, ulong>();
            ulong liveBytes = 0;
            ulong peak = 0;
            foreach (var op in trace.Operations)
            {
                var where = $"{profile} seed {seed} line {op.LineNumber} ({op})";
                Assert.That(op.Id, Is.InRange(0, trace.IdCount - 1), where);
                Assert.That(op.Size <= 40 * MiB || op.Size == 1UL << 63, where + ": a request is at most 40 MiB, or 2^63 (impossible; the largest a .rep holds)");
                var held = live.Remove(op.Id, out var old);
                liveBytes -= held ? old : 0;
                switch (op.Kind)
                {
                    case TraceOperationKind.Allocate:
                        Assert.That(held, Is.False, where + ": a malloc must not overwrite (leak) a live block");
                        if (op.Size <= long.MaxValue)
                        {
                            live[op.Id] = op.Size;
                        }

                        break;
                    case TraceOperationKind.Reallocate when op.Size > long.MaxValue:
                        // Fails: the old block stays.
                        if (held)
                        {
                            live[op.Id] = old;
                        }

                        break;
                    case TraceOperationKind.Reallocate when op.Size == 0 && held:
                        break;
                    case TraceOperationKind.Reallocate:
                        live[op.Id] = op.Size;
                        break;
                    default:
                        break;
                }

                liveBytes += live.GetValueOrDefault(op.Id);
                peak = Math.Max(peak, liveBytes);
            }

            Assert.That(trace.IdCount, Is.LessThanOrEqualTo(TraceGenerator.MaxIds), profile.ToString());
            Assert.That(peak, Is.LessThanOrEqualTo(TraceGenerator.MaxLiveBytes), $"{profile}: live bytes peak well under 1 GiB");
            Assert.That((ulong)trace.SuggestedHeapSize, Is.EqualTo(peak), $"{profile}: the header's heap size is the live-bytes peak");
        }
    }

    [Test]
    public void MmapThreshold_straddles_128_KiB_and_reaches_past_the_32_MiB_ceiling()
    {
        var sizes = Requests(TraceGenerator.Generate(TraceProfile.MmapThreshold, 1, 2000));

        Assert.That(sizes.Count(s => s is >= 128 * KiB - 32 and < 128 * KiB), Is.GreaterThan(10), "just below 128 KiB");
        Assert.That(sizes.Count(s => s is >= 128 * KiB and < 128 * KiB + 32), Is.GreaterThan(10), "just above 128 KiB");
        Assert.That(sizes.Count(s => s is > 1 * MiB and <= 32 * MiB), Is.GreaterThan(50), "mid sizes the raised threshold brings to the heap");
        Assert.That(sizes.Count(s => s > 32 * MiB), Is.GreaterThan(5), "always mmapped");
        Assert.That(sizes, Has.Some.EqualTo(0UL), "malloc(0)");
    }

    [Test]
    public void SmallReuse_churns_small_sizes_and_frees_more_than_7_blocks_of_one_size_in_a_row()
    {
        var trace = TraceGenerator.Generate(TraceProfile.SmallReuse, 1, 2000);
        var sizes = Requests(trace);

        Assert.That(sizes.Count(s => s <= 1032), Is.GreaterThan(sizes.Count * 9 / 10));
        Assert.That(sizes, Has.Some.EqualTo(0UL), "malloc(0)");
        Assert.That(LongestRunOfFreesOfOneSize(trace), Is.GreaterThan(7), "a tcache bin holds 7: the 8th free goes to a fastbin or the unsorted bin");
    }

    [Test]
    public void Coalescing_uses_sizes_above_the_tcache_and_fills_fastbins()
    {
        var trace = TraceGenerator.Generate(TraceProfile.Coalescing, 1, 2000);
        var sizes = Requests(trace);

        Assert.That(sizes.Count(s => s is >= 1033 and <= 4096), Is.GreaterThan(sizes.Count / 3));
        Assert.That(sizes.Count(s => s > 4096), Is.GreaterThan(5));
        Assert.That(LongestRunOfFreesOfOneSize(trace, maxSize: 120), Is.GreaterThan(7), "fastbin chunks for malloc_consolidate");
    }

    [Test]
    public void LargeBins_requests_span_1_KiB_to_120_KiB()
    {
        var sizes = Requests(TraceGenerator.Generate(TraceProfile.LargeBins, 1, 2000));
        var large = sizes.Where(s => s >= 1000).ToList();

        Assert.That(large.Min(), Is.LessThan(2 * KiB));
        Assert.That(large.Max(), Is.InRange(100 * KiB, 120 * KiB));
        Assert.That(large.Count(s => s > 16 * KiB), Is.GreaterThan(50));
    }

    [Test]
    public void TopTrimming_frees_blocks_in_reverse_allocation_order()
    {
        var trace = TraceGenerator.Generate(TraceProfile.TopTrimming, 1, 2000);
        var ops = trace.Operations;
        var reversed = 0;
        for (var i = 1; i < ops.Count; i++)
        {
            reversed += ops[i - 1].Kind == TraceOperationKind.Free && ops[i].Kind == TraceOperationKind.Free && ops[i].Id < ops[i - 1].Id ? 1 : 0;
        }

        Assert.That(reversed, Is.GreaterThan(100));
        Assert.That(Requests(trace).Count(s => s is > 1032 and < 128 * KiB), Is.GreaterThan(500));
    }

    [Test]
    public void Realloc_covers_null_zero_failing_and_mmapped_reallocs()
    {
        var trace = TraceGenerator.Generate(TraceProfile.Realloc, 1, 2000);
        var live = new Dictionary<int, ulong>();
        int fromNull = 0, toZero = 0, failing = 0, mmappedResize = 0;
        foreach (var op in trace.Operations)
        {
            var held = live.TryGetValue(op.Id, out var old);
            if (op.Kind == TraceOperationKind.Reallocate)
            {
                fromNull += held ? 0 : 1;
                toZero += held && op.Size == 0 ? 1 : 0;
                failing += op.Size > long.MaxValue ? 1 : 0;
                mmappedResize += held && old >= 128 * KiB && op.Size >= 128 * KiB && op.Size <= long.MaxValue && op.Size != old ? 1 : 0;
            }

            if (op.Kind == TraceOperationKind.Free || (op.Kind == TraceOperationKind.Reallocate && op.Size == 0 && held))
            {
                live.Remove(op.Id);
            }
            else if (op.Size <= long.MaxValue)
            {
                live[op.Id] = op.Size;
            }
        }

        Assert.That(fromNull, Is.GreaterThan(10), "realloc(NULL, n)");
        Assert.That(toZero, Is.GreaterThan(10), "realloc(p, 0)");
        Assert.That(failing, Is.GreaterThan(5), "realloc that must fail");
        Assert.That(mmappedResize, Is.GreaterThan(10), "mremap of mmapped chunks");
    }

    private static string Text(Trace trace)
    {
        using var writer = new StringWriter();
        TraceWriter.Write(trace, writer);
        return writer.ToString();
    }

    private static List<ulong> Requests(Trace trace) =>
        trace.Operations.Where(op => op.Kind == TraceOperationKind.Allocate).Select(op => op.Size).ToList();

    // The longest run of consecutive frees of live blocks that were all allocated with one size (at most maxSize).
    private static int LongestRunOfFreesOfOneSize(Trace trace, ulong maxSize = ulong.MaxValue)
    {
        var sizes = new Dictionary<int, ulong>();
        int longest = 0, run = 0;
        ulong runSize = 0;
        foreach (var op in trace.Operations)
        {
            if (op.Kind != TraceOperationKind.Free)
            {
                sizes[op.Id] = op.Size;
                run = 0;
                continue;
            }

            if (!sizes.Remove(op.Id, out var size) || size > maxSize)
            {
                run = 0;
                continue;
            }

            run = run > 0 && size == runSize ? run + 1 : 1;
            runSize = size;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
