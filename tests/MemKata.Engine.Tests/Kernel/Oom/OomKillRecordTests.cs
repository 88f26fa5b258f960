using System.Globalization;
using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Kernel;
using MemKata.Engine.Reference;
using static MemKata.Engine.Tests.Kernel.KernelTestMachines;

namespace MemKata.Engine.Tests.Kernel;

// Machine.OomKills: one record per OOM killer invocation, taken when the policy chose, whichever policy it was.
public class OomKillRecordTests
{
    [Test]
    public void The_record_holds_every_candidate_with_the_points_and_oom_score_it_was_chosen_with()
    {
        var spy = new SpyPolicy();
        var machine = Build(spy);
        spy.Machine = machine;
        var big = Grow(machine, "big", 500);
        var small = Grow(machine, "small", 200);
        var greedy = machine.Spawn("greedy");
        var g = greedy.Memory.Mmap(400 * Page);

        TouchForWrite(greedy, g, 400);

        var kill = machine.OomKills.Single();
        Assert.That(kill.Candidates, Is.EqualTo(spy.Seen), "the candidates are those the policy was given");
        Assert.That(kill.Candidates.Select(kill.OomScoreOf), Is.EqualTo(spy.ProcOomScores), "each oom_score is what /proc/PID/oom_score showed when the policy chose");
        foreach (var c in kill.Candidates)
        {
            Assert.That(kill.PointsOf(c), Is.EqualTo(OomBadness.Points(c, machine.TotalPages)), c.Name);
            Assert.That(kill.OomScoreOf(c), Is.EqualTo(OomBadness.OomScore(c, machine.TotalPages)), c.Name);
        }

        Assert.That(kill.Candidates.Select(c => c.Pid), Is.EqualTo(new[] { big.Pid, small.Pid, greedy.Pid }));
        Assert.That(kill.Candidates[0].ResidentPages, Is.EqualTo(500), "big's figures are from before the kill, not after (0)");
        Assert.That(kill.PointsOf(kill.Candidates[0]), Is.EqualTo(500 + kill.Candidates[0].PageTablePages));
        Assert.That(kill.Candidates[1].ResidentPages, Is.EqualTo(200));
        Assert.That(kill.VictimPid, Is.EqualTo(big.Pid));
        Assert.That(kill.Victim!.Value.Name, Is.EqualTo("big"));
        Assert.That(kill.RequesterPid, Is.EqualTo(greedy.Pid));
        Assert.That(kill.FaultAddress, Is.Not.Null.And.InRange(g, g + (400 * Page) - 1), "the page whose fault needed a frame");
        Assert.That(kill.Constraint, Is.EqualTo("CONSTRAINT_NONE"));
        Assert.That(kill.PolicyName, Is.EqualTo(nameof(SpyPolicy)));
        Assert.That(kill.FramesFreed, Is.EqualTo(500), "big's 500 anonymous pages go back to the free list");
        Assert.That(big.ResidentPages, Is.Zero);
    }

    [Test]
    public void A_second_kill_when_memory_is_still_short_gets_a_second_record()
    {
        var machine = Small(ramPages: 1024);
        var a = Grow(machine, "a", 350);
        var b = Grow(machine, "b", 350);
        var greedy = machine.Spawn("greedy");
        greedy.OomScoreAdj = OomBadness.Exempt;
        var g = greedy.Memory.Mmap(700 * Page);

        TouchForWrite(greedy, g, 700);

        Assert.That(machine.OomKills, Has.Count.EqualTo(2));
        var (first, second) = (machine.OomKills[0], machine.OomKills[1]);
        Assert.That(new[] { first.Number, second.Number }, Is.EqualTo(new[] { 1, 2 }));
        Assert.That(new[] { first.VictimPid, second.VictimPid }, Is.EquivalentTo(new int?[] { a.Pid, b.Pid }));
        Assert.That(second.Candidates.Select(c => c.Pid), Does.Not.Contain(first.VictimPid), "the first victim is dead by the second invocation");
        Assert.That(first.PointsOf(first.Candidates.Single(c => c.Pid == greedy.Pid)), Is.Null, "an exempt process has no points");
        foreach (var kill in machine.OomKills)
        {
            var killLine = machine.Events.Events.Single(e => e.Sequence == kill.Sequence);
            Assert.That(killLine.Kind, Is.EqualTo(KernelEventKind.OomKill));
            Assert.That(killLine.Text, Does.StartWith(string.Create(CultureInfo.InvariantCulture, $"Out of memory: Killed process {kill.VictimPid} ({kill.Victim!.Value.Name})")));
            Assert.That(kill.FramesFreed, Is.EqualTo(kill.Victim.Value.ResidentPages), "a victim's resident pages are its own: all of them are freed");
        }

        Assert.That(second.Sequence, Is.GreaterThan(first.Sequence));
    }

    [Test]
    public void The_victim_recorded_is_the_one_a_learner_style_policy_chose()
    {
        var machine = Build(new SmallestFirstPolicy());
        var big = Grow(machine, "big", 500);
        var small = Grow(machine, "small", 200);
        var greedy = machine.Spawn("greedy");
        greedy.OomScoreAdj = OomBadness.Exempt;
        var g = greedy.Memory.Mmap(400 * Page);

        TouchForWrite(greedy, g, 400);

        var kill = machine.OomKills[0];
        Assert.That(kill.VictimPid, Is.EqualTo(small.Pid), "the policy, not oom_badness, chooses");
        Assert.That(kill.PolicyName, Is.EqualTo(nameof(SmallestFirstPolicy)));
        Assert.That(kill.PointsOf(kill.Victim!.Value), Is.LessThan(kill.PointsOf(kill.Candidates.Single(c => c.Pid == big.Pid))!.Value));
        Assert.That(small.IsAlive, Is.False);
    }

    [Test]
    public void An_invocation_with_nothing_killable_is_recorded_without_a_victim()
    {
        var machine = Small(ramPages: 1024);
        var big = Grow(machine, "big", 700);
        big.OomScoreAdj = OomBadness.Exempt;
        var greedy = machine.Spawn("greedy");
        greedy.OomScoreAdj = OomBadness.Exempt;
        var g = greedy.Memory.Mmap(400 * Page);

        Assert.Throws<ProcessKilledException>(() => TouchForWrite(greedy, g, 400));

        var kill = machine.OomKills.Single();
        Assert.That(kill.VictimPid, Is.Null);
        Assert.That(kill.Victim, Is.Null);
        Assert.That(kill.FramesFreed, Is.Zero);
        Assert.That(machine.Events.Events.Single(e => e.Sequence == kill.Sequence).Text, Is.EqualTo("out of memory and no killable process"));
    }

    [Test]
    public void The_task_table_is_logged_before_the_kill_line_one_event_per_line()
    {
        var machine = Small(ramPages: 1024);
        Grow(machine, "big", 500);
        Grow(machine, "small", 200);
        var greedy = machine.Spawn("greedy");
        var g = greedy.Memory.Mmap(400 * Page);

        TouchForWrite(greedy, g, 400);

        var kill = machine.OomKills.Single();
        var table = machine.Events.Events.Where(e => e.Kind == KernelEventKind.OomTasks).ToList();
        Assert.That(table.Select(e => e.Text), Is.EqualTo(new[] { OomTaskDump.Title, OomTaskDump.Header }.Concat(kill.Candidates.Select(OomTaskDump.Line))));
        Assert.That(table.Select(e => e.Sequence), Is.EqualTo(Enumerable.Range(0, table.Count).Select(i => kill.Sequence - table.Count + i)), "right before the kill line");
    }

    // Lines printed by a Linux 6.8+ kernel's dump_tasks (an OOM log of stress-ng, x86-64, 4 KiB pages), rebuilt from
    // their own numbers: the column widths must be the kernel's.
    [TestCase(111, "sh", 431, 32, 257, 12, 0, "[    111]     0   111      431      289       32      257         0    49152        0             0 sh")]
    [TestCase(116, "stress-ng-vm", 2628942, 1995157, 141, 3919, 1000, "[    116]     0   116  2628942  1995298  1995157      141         0 16052224        0          1000 stress-ng-vm")]
    public void A_task_line_has_the_kernels_columns(int pid, string name, long totalVm, long anon, long file, long tablePages, int adj, string linux)
    {
        var task = new OomCandidate(pid, name, anon + file, 0, tablePages, adj) { TotalVmPages = totalVm, AnonPages = anon, FilePages = file };

        Assert.That(OomTaskDump.Line(task), Is.EqualTo(linux));
        Assert.That(OomTaskDump.Header, Is.EqualTo("[  pid  ]   uid  tgid total_vm      rss rss_anon rss_file rss_shmem pgtables_bytes swapents oom_score_adj name"));
    }

    private static Machine Build(IReclaimPolicy policy) =>
        new(new MachineConfig { RamBytes = 1024 * Page, Overcommit = OvercommitMode.Always, LoaderTouchesLibraryData = false }, reclaimPolicy: policy);

    private static SimProcess Grow(Machine machine, string name, long pages)
    {
        var p = machine.Spawn(name);
        var a = p.Memory.Mmap((ulong)pages * Page);
        TouchForWrite(p, a, pages);
        return p;
    }

    // The reference's choice, recording what it was given and what /proc/PID/oom_score showed at that moment.
    private sealed class SpyPolicy : IReclaimPolicy
    {
        private readonly ReferenceReclaimPolicy _reference = new();

        public Machine? Machine { get; set; }

        public List<OomCandidate> Seen { get; } = [];

        public List<long> ProcOomScores { get; } = [];

        public void Reclaim(IReclaimContext context, ReclaimRequest request) => _reference.Reclaim(context, request);

        public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages)
        {
            Seen.AddRange(candidates);
            ProcOomScores.AddRange(candidates.Select(c => long.Parse(ProcFs.OomScore(Machine!, Machine!.Process(c.Pid)).Trim(), CultureInfo.InvariantCulture)));
            return _reference.ChooseOomVictim(candidates, totalPages);
        }
    }

    // A learner's idea: kill the smallest killable process.
    private sealed class SmallestFirstPolicy : IReclaimPolicy
    {
        private readonly ReferenceReclaimPolicy _reference = new();

        public void Reclaim(IReclaimContext context, ReclaimRequest request) => _reference.Reclaim(context, request);

        public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages) =>
            candidates.Where(c => c.OomScoreAdj != OomBadness.Exempt).OrderBy(c => c.ResidentPages).Select(c => (int?)c.Pid).FirstOrDefault();
    }
}
