using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Kernel;
using MemKata.Engine.Reference;
using static MemKata.Engine.Tests.Kernel.KernelTestMachines;

namespace MemKata.Engine.Tests.Kernel;

public class OomKillerTests
{
    // Hand-computed with Linux 6.x oom_badness and proc_oom_score: totalpages 6171023 (a 24 GiB box without swap),
    // rss 300000 pages, 600 page-table pages: badness = 300600 + adj * (6171023 / 1000 = 6171).
    //   adj 0:    (1000 + 300600 * 1000 / 6171023 = 48) * 2 / 3 = 698
    //   adj 500:  badness 3386100 -> (1000 + 548) * 2 / 3 = 1032
    //   adj -500: badness -2784900 -> (1000 - 451) * 2 / 3 = 366 (C division truncates toward zero)
    //   adj -1000: exempt -> 0
    //   adj 1000: badness 6471600 -> (1000 + 1048) * 2 / 3 = 1365
    [TestCase(0, 698)]
    [TestCase(500, 1032)]
    [TestCase(-500, 366)]
    [TestCase(-1000, 0)]
    [TestCase(1000, 1365)]
    public void Oom_score_is_printed_as_linux_prints_it(int adj, long expected)
    {
        var candidate = new OomCandidate(1, "p", 300000, 0, 600, adj);

        Assert.That(OomBadness.OomScore(candidate, 6171023), Is.EqualTo(expected));
    }

    [Test]
    public void Badness_adds_rss_swap_and_page_tables_and_scales_adj_by_total_pages()
    {
        Assert.That(OomBadness.Points(new OomCandidate(1, "p", 100, 20, 3, 10), 4096), Is.EqualTo(100 + 20 + 3 + (10 * 4)));
        Assert.That(OomBadness.Points(new OomCandidate(1, "p", 100, 20, 3, -1000), 4096), Is.Null);
    }

    [Test]
    public void The_biggest_process_is_killed()
    {
        var machine = Small(ramPages: 1024);
        var big = Grow(machine, "big", 500);
        var small = Grow(machine, "small", 200);
        var greedy = machine.Spawn("greedy");
        var g = greedy.Memory.Mmap(400 * Page);

        TouchForWrite(greedy, g, 400);

        Assert.That(big.IsAlive, Is.False);
        Assert.That(small.IsAlive, Is.True);
        Assert.That(greedy.IsAlive, Is.True);
        Assert.That(machine.VmStat.OomKill, Is.EqualTo(1));
        Assert.That(machine.Events.Events.Single(e => e.Kind == KernelEventKind.OomKill).Text, Does.StartWith("Out of memory: Killed process 1 (big)"));
    }

    [Test]
    public void Killing_is_told_the_victim_while_its_memory_is_still_in_ram()
    {
        var machine = Small(ramPages: 1024);
        var big = Grow(machine, "big", 500);
        Grow(machine, "small", 200);
        var seen = new List<(int Pid, bool Alive, long Resident, long Free)>();
        machine.OomKiller.Killing += pid => seen.Add((pid, machine.Process(pid).IsAlive, machine.Process(pid).ResidentPages, machine.Frames.FreeFrames));
        var greedy = machine.Spawn("greedy");

        TouchForWrite(greedy, greedy.Memory.Mmap(400 * Page), 400);

        Assert.That(seen, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(seen[0].Pid, Is.EqualTo(big.Pid));
            Assert.That(seen[0].Alive, Is.True);
            Assert.That(seen[0].Resident, Is.GreaterThanOrEqualTo(500));
            Assert.That(seen[0].Free, Is.LessThanOrEqualTo(machine.Watermarks.Min), "memory was fullest then");
        });
    }

    [Test]
    public void Every_event_carries_the_free_frames_of_its_moment()
    {
        var machine = Small(ramPages: 1024);
        var p = machine.Spawn("p");
        var block = p.Memory.Mmap(10 * Page);
        var before = machine.Frames.FreeFrames;

        TouchForWrite(p, block, 10);

        var faults = machine.Events.Events.Last(e => e.Kind == KernelEventKind.MinorFault);
        Assert.Multiple(() =>
        {
            Assert.That(machine.Events.Events.All(e => e.FreePages >= 0), Is.True);
            Assert.That(faults.Text, Does.EndWith("10 pages"), "one event for the run of faults");
            Assert.That(faults.FreePages, Is.LessThanOrEqualTo(before - 10).And.EqualTo(machine.Frames.FreeFrames), "read after the run's last page");
        });
    }

    [Test]
    public void Oom_score_adj_changes_the_choice()
    {
        var machine = Small(ramPages: 1024);
        var big = Grow(machine, "big", 500);
        var small = Grow(machine, "small", 200);
        small.OomScoreAdj = 1000;
        var greedy = machine.Spawn("greedy");
        var g = greedy.Memory.Mmap(400 * Page);

        TouchForWrite(greedy, g, 400);

        Assert.That(small.IsAlive, Is.False, "adj 1000 adds 1000 * (1024 / 1000) = 1000 points");
        Assert.That(big.IsAlive, Is.True);
    }

    [Test]
    public void A_process_with_adj_minus_1000_is_never_killed_and_the_requester_may_die()
    {
        var machine = Small(ramPages: 1024);
        var big = Grow(machine, "big", 700);
        big.OomScoreAdj = OomBadness.Exempt;
        var greedy = machine.Spawn("greedy");
        var g = greedy.Memory.Mmap(400 * Page);

        var killed = Assert.Throws<ProcessKilledException>(() => TouchForWrite(greedy, g, 400));

        Assert.That(killed!.Pid, Is.EqualTo(greedy.Pid));
        Assert.That(big.IsAlive, Is.True);
        Assert.That(machine.OomKiller.OomScoreOf(big), Is.Zero);
    }

    [Test]
    public void The_oom_killer_kills_again_while_memory_is_still_short()
    {
        var machine = Small(ramPages: 1024);
        var a = Grow(machine, "a", 350);
        var b = Grow(machine, "b", 350);
        var greedy = machine.Spawn("greedy");
        greedy.OomScoreAdj = OomBadness.Exempt;
        var g = greedy.Memory.Mmap(700 * Page);

        TouchForWrite(greedy, g, 700);

        Assert.That(a.IsAlive || b.IsAlive, Is.False);
        Assert.That(machine.VmStat.OomKill, Is.EqualTo(2));
    }

    [Test]
    public void Ties_go_to_the_later_process_as_in_select_bad_process()
    {
        var policy = new ReferenceReclaimPolicy();
        OomCandidate[] candidates = [new(1, "a", 10, 0, 1, 0), new(2, "b", 10, 0, 1, 0), new(3, "c", 5, 0, 1, 0)];

        Assert.That(policy.ChooseOomVictim(candidates, 1000), Is.EqualTo(2));
    }

    private static SimProcess Grow(Machine machine, string name, long pages)
    {
        var p = machine.Spawn(name);
        var a = p.Memory.Mmap((ulong)pages * Page);
        TouchForWrite(p, a, pages);
        return p;
    }
}
