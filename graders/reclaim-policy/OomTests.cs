using MemKata.Contracts.Kernel;
using MemKata.Engine.Reference;
using MemKata.Graders.Shared;
using MemKata.Testing;

namespace MemKata.Graders.ReclaimPolicy;

// Task 5: oom_badness and select_bad_process.
public class OomTests
{
    private const long Total = 100_000;

    private static int? Choose(long total, params OomCandidate[] candidates) => Policies.Learner().ChooseOomVictim(candidates, total);

    // With no tie the order of the candidates must not matter: the victim is asked for in every order of the list, and
    // must be the same each time (a policy that returns the first or the last candidate fails here).
    private static int? ChooseInAnyOrder(long total, params OomCandidate[] candidates)
    {
        var expected = Choose(total, candidates);
        foreach (var order in Orders(candidates))
        {
            Assert.That(Choose(total, order), Is.EqualTo(expected),
                $"the candidates in the order {string.Join(", ", order.Select(c => c.Pid))} gave another victim than in the order {string.Join(", ", candidates.Select(c => c.Pid))}: " +
                "the victim is the candidate with the most points, wherever it is in the list");
        }

        return expected;
    }

    private static IEnumerable<OomCandidate[]> Orders(OomCandidate[] candidates) =>
        candidates.Length <= 1
            ? [candidates]
            : candidates.SelectMany((first, i) => Orders([.. candidates.Where((_, j) => j != i)]).Select(rest => (OomCandidate[])[first, .. rest]));

    [Test]
    [Task(5)]
    public void The_biggest_process_is_chosen()
    {
        Assert.That(ChooseInAnyOrder(Total, new OomCandidate(1, "a", 500, 0, 3, 0), new OomCandidate(2, "b", 7000, 0, 20, 0), new OomCandidate(3, "c", 3000, 0, 9, 0)), Is.EqualTo(2));
    }

    [Test]
    [Task(5)]
    public void Swap_entries_and_page_tables_count_too()
    {
        // a: 5000 resident; b: 3000 + 1500 swapped + 600 page-table pages = 5100.
        Assert.That(ChooseInAnyOrder(Total, new OomCandidate(1, "a", 5000, 0, 0, 0), new OomCandidate(2, "b", 3000, 1500, 600, 0)), Is.EqualTo(2),
            "oom_badness counts resident pages + swap entries + page-table pages");
    }

    [Test]
    [Task(5)]
    public void Minus_1000_is_never_chosen_however_big()
    {
        Assert.That(ChooseInAnyOrder(Total, new OomCandidate(1, "db", 90_000, 5000, 200, -1000), new OomCandidate(2, "tiny", 1, 0, 1, 0)), Is.EqualTo(2),
            "oom_score_adj -1000 (OOM_SCORE_ADJ_MIN) exempts a process entirely");

        // db's points (95200 - 1000 x 100 = -4800) beat shy's (11 - 999 x 100 = -99889): exempt is not a low score.
        Assert.That(ChooseInAnyOrder(Total, new OomCandidate(1, "db", 90_000, 5000, 200, -1000), new OomCandidate(3, "shy", 10, 0, 1, -999)), Is.EqualTo(3),
            "oom_score_adj -1000 exempts the process even when every other candidate scores lower; -999 does not exempt");
    }

    [Test]
    [Task(5)]
    public void Null_when_every_process_is_exempt_or_there_is_none()
    {
        // The same policy must name the one that is not exempt: "no victim" for every list (a do-nothing policy) is not it.
        Assert.That(Choose(Total, new OomCandidate(1, "a", 100, 0, 1, -1000), new OomCandidate(2, "b", 200, 0, 1, 0)), Is.EqualTo(2), "b's oom_score_adj is 0: it can be killed");
        Assert.That(Choose(Total, new OomCandidate(1, "a", 100, 0, 1, -1000), new OomCandidate(2, "b", 200, 0, 1, -1000)), Is.Null, "every candidate has oom_score_adj -1000: return null");
        Assert.That(Choose(Total), Is.Null, "no candidate: return null");
    }

    [Test]
    [Task(5)]
    public void A_positive_adj_volunteers_a_smaller_process()
    {
        // b: 2000 + 500 x 100 = 52000 > a's 40000.
        Assert.That(ChooseInAnyOrder(Total, new OomCandidate(1, "a", 40_000, 0, 0, 0), new OomCandidate(2, "b", 2000, 0, 0, 500)), Is.EqualTo(2),
            "oom_score_adj 500 adds 500 x totalPages / 1000 points");
    }

    [Test]
    [Task(5)]
    public void A_negative_adj_protects_a_bigger_process()
    {
        // a: 40000 - 300 x 100 = 10000 < b's 20000.
        Assert.That(ChooseInAnyOrder(Total, new OomCandidate(1, "a", 40_000, 0, 0, -300), new OomCandidate(2, "b", 20_000, 0, 0, 0)), Is.EqualTo(2),
            "oom_score_adj -300 takes 300 x totalPages / 1000 points away");
    }

    [Test]
    [Task(5)]
    public void TotalPages_is_divided_by_1000_before_the_adj_multiplies_it()
    {
        // totalPages 1999: 1999 / 1000 = 1, so b scores 400 + 500 x 1 = 900 < a's 1000 (not 400 + 999.5).
        Assert.That(ChooseInAnyOrder(1999, new OomCandidate(1, "a", 1000, 0, 0, 0), new OomCandidate(2, "b", 400, 0, 0, 500)), Is.EqualTo(1),
            "oom_badness: adj x (totalPages / 1000), integer division first, as the kernel computes it");
    }

    [Test]
    [Task(5)]
    public void On_a_tie_the_later_candidate_wins()
    {
        OomCandidate x = new(7, "x", 800, 0, 4, 0), y = new(3, "y", 800, 0, 4, 0), small = new(5, "small", 300, 0, 4, 0);

        Assert.That(Choose(Total, x, y), Is.EqualTo(3),
            "equal oom_badness: Linux's select_bad_process keeps the later candidate (points >= chosen), here pid 3, listed second");
        Assert.That(Choose(Total, y, x), Is.EqualTo(7), "the same tie listed the other way round: the later one is now pid 7");
        Assert.That(Choose(Total, x, y, small), Is.EqualTo(3), "a smaller process listed last does not change the tie between 7 and 3: pid 3, the later of the two");
        Assert.That(Choose(Total, small, y, x), Is.EqualTo(7), "pid 7 is the later of the tied pair here");
    }

    [Test]
    [Task(5)]
    public void A_tie_is_decided_on_the_exact_points_adj_included()
    {
        // totalPages 262144: the adj is worth 262 points per unit (262144 / 1000, integer division first), not 261 or
        // 262.144. Each pair ties exactly, so in either order the later candidate wins.
        const long total = 262_144;
        OomCandidate up = new(1, "up", 1000, 0, 0, 100), big = new(2, "big", 1000 + (100 * 262), 0, 0, 0);
        OomCandidate down = new(3, "down", 30_000, 0, 0, -100), small = new(4, "small", 30_000 - (100 * 262), 0, 0, 0);

        Assert.Multiple(() =>
        {
            Assert.That(Choose(total, up, big), Is.EqualTo(2), "up: 1000 + 100 x 262 = 27200 ties with big's 27200: the later, big, wins");
            Assert.That(Choose(total, big, up), Is.EqualTo(1), "the same tie the other way round: the later, up, wins");
            Assert.That(Choose(total, down, small), Is.EqualTo(4), "down: 30000 - 100 x 262 = 3800 ties with small's 3800: the later, small, wins");
            Assert.That(Choose(total, small, down), Is.EqualTo(3), "the same tie the other way round: the later, down, wins");
        });
    }

    [Test]
    [Task(5)]
    public void A_process_with_negative_points_can_still_be_the_only_victim()
    {
        Assert.That(Choose(Total, new OomCandidate(4, "shy", 100, 0, 1, -999)), Is.EqualTo(4),
            "oom_score_adj -999 lowers the score below zero but does not exempt the process: it is still the only candidate");
    }

    // Seeded random candidate lists (ties, exempt processes, negative and positive adj, every totalPages), 40 per seed,
    // each compared with the reference's choice, run live.
    [TestCase(1UL)]
    [TestCase(2UL)]
    [TestCase(3UL)]
    [TestCase(4UL)]
    [Task(5)]
    public void Random_candidate_lists_get_the_victim_Linux_would_choose(ulong seed)
    {
        var random = new SeededRandom(seed);
        var reference = new ReferenceReclaimPolicy();
        for (var list = 0; list < 40; list++)
        {
            var total = random.Between(1000, 5_000_000);
            var count = (int)random.Between(1, 7);
            var pids = Enumerable.Range(1, 60).Select(pid => (Pid: pid, Key: random.Next())).OrderBy(p => p.Key).Take(count).Select(p => p.Pid).ToList();
            var candidates = pids.Select(pid => new OomCandidate(
                pid, $"p{pid}", random.Between(0, 60_000), random.Below(2) == 0 ? 0 : random.Between(0, 20_000), random.Between(0, 300), Adj(random))).ToArray();
            if (count > 1 && random.Below(3) == 0)
            {
                // A tie: one candidate gets another's numbers.
                var (from, to) = ((int)random.Below((ulong)count), (int)random.Below((ulong)count));
                candidates[to] = candidates[from] with { Pid = candidates[to].Pid, Name = candidates[to].Name };
            }

            var expected = reference.ChooseOomVictim(candidates, total);

            Assert.That(Choose(total, candidates), Is.EqualTo(expected),
                $"totalPages {total}, candidates (pid: resident + swap + page tables, adj) {string.Join("; ", candidates.Select(c => $"{c.Pid}: {c.ResidentPages} + {c.SwapEntries} + {c.PageTablePages}, {c.OomScoreAdj}"))}: " +
                $"oom_badness picks {(expected is null ? "nobody" : $"pid {expected}")} (ties to the later candidate, -1000 never)");
        }
    }

    private static int Adj(SeededRandom random) => random.Below(20) switch
    {
        < 6 => 0,
        < 9 => -1000,
        < 11 => 1000,
        _ => (int)random.Between(-999, 999),
    };
}
