using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Scenarios.Comparing;

namespace MemKata.Scenarios.Tests.Comparing;

/// <summary>The verdict of <c>scenario compare</c> on the reference's own transcripts, changed as a learner's run would
/// differ: in what is their choice (a scan count, a SIGSEGV's wording, heap growth), or in what the rules require (an
/// OOM victim, a fault's kind, a mapping's length, write-back).</summary>
public class CompareVerdictTests
{
    private static readonly Lazy<IReadOnlyList<TranscriptLine>> _reclaim = new(() => Run("05-full-machine-kswapd-then-direct-reclaim"));
    private static readonly Lazy<IReadOnlyList<TranscriptLine>> _oom = new(() => Run("09-oom-score-adj-changes-the-choice"));
    private static readonly Lazy<IReadOnlyList<TranscriptLine>> _malloc = new(() => Run("02-large-malloc-uses-mmap"));

    [Test]
    public void The_same_transcript_is_identical_and_exits_0()
    {
        var verdict = CompareVerdict.Of(typeof(IReclaimPolicy), _reclaim.Value, _reclaim.Value, null);

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Kind, Is.EqualTo(VerdictKind.Identical));
            Assert.That(verdict.ExitCode, Is.Zero);
            Assert.That(verdict.Text, Is.EqualTo("Verdict: identical to the reference."));
        });
    }

    [Test]
    public void Other_scan_counts_are_the_reclaim_policy_s_choice()
    {
        var yours = Changed(_reclaim.Value, l => l.Text.Contains(" Reclaim: ", StringComparison.Ordinal), t => t.Replace("scanned ", "scanned 1", StringComparison.Ordinal));

        var verdict = CompareVerdict.Of(typeof(IReclaimPolicy), _reclaim.Value, yours, null);

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Kind, Is.EqualTo(VerdictKind.OnlyChoices));
            Assert.That(verdict.ExitCode, Is.Zero);
            Assert.That(verdict.Choices, Is.EqualTo(new[] { "how many pages each reclaim pass scans and frees, and so when kswapd wakes and sleeps" }));
            Assert.That(verdict.Text, Does.EndWith("Nothing the rules require differs."));
        });
    }

    [Test]
    public void Another_oom_victim_is_a_required_difference()
    {
        var yours = Changed(_oom.Value, l => l.Text.Contains(" OomKill: ", StringComparison.Ordinal), t => t.Replace("(cache)", "(worker)", StringComparison.Ordinal));

        var verdict = CompareVerdict.Of(typeof(IReclaimPolicy), _oom.Value, yours, null);

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Kind, Is.EqualTo(VerdictKind.Required));
            Assert.That(verdict.ExitCode, Is.EqualTo(1));
            Assert.That(verdict.Why, Does.StartWith("a different OOM victim (or none), in step "));
            Assert.That(verdict.Yours!.Text, Does.Contain("Killed process 2 (worker)"));
        });
    }

    [Test]
    public void A_reclaim_that_never_writes_back_while_the_reference_does_is_required()
    {
        var reference = Run("06-dirty-file-pages-are-written-back");
        var yours = Changed(reference, l => l.Text.Contains(" Reclaim: ", StringComparison.Ordinal),
            t => System.Text.RegularExpressions.Regex.Replace(t, @"wrote back \d+", "wrote back 0"));

        var verdict = CompareVerdict.Of(typeof(IReclaimPolicy), reference, yours, null);

        Assert.That(verdict.Why, Is.EqualTo("the reference's run wrote dirty file pages back, yours never did (tasks 2 and 3)."));
    }

    [Test]
    public void A_fault_of_another_kind_is_required_for_a_fault_handler_and_a_sigsegv_s_wording_is_not()
    {
        var major = Changed(_reclaim.Value, l => l.Text.Contains(" MinorFault: ", StringComparison.Ordinal), t => t.Replace("MinorFault", "MajorFault", StringComparison.Ordinal), once: true);
        var worded = _reclaim.Value.Append(new TranscriptLine("#999", "pid 1 SegmentationFault: 0x10: no area", 9)).ToList();
        var reworded = _reclaim.Value.Append(new TranscriptLine("#999", "pid 1 SegmentationFault: 0x10: not mapped", 9)).ToList();

        var kind = CompareVerdict.Of(typeof(IPageFaultHandler), _reclaim.Value, major, null);
        var wording = CompareVerdict.Of(typeof(IPageFaultHandler), worded, reworded, null);

        Assert.Multiple(() =>
        {
            Assert.That(kind.Kind, Is.EqualTo(VerdictKind.Required));
            Assert.That(kind.Why, Does.StartWith("a page fault of another kind"));
            Assert.That(wording.Kind, Is.EqualTo(VerdictKind.OnlyChoices));
            Assert.That(wording.Choices, Is.EqualTo(new[] { "the wording of a SIGSEGV reason" }));
        });
    }

    [Test]
    public void Heap_growth_is_an_allocator_s_choice_and_a_mapping_s_length_is_not()
    {
        var grown = Changed(_malloc.Value, l => l.Text.Contains(" Syscall: brk(", StringComparison.Ordinal), t => t.Replace("brk(0x5555", "brk(0x6555", StringComparison.Ordinal));
        var mapped = Changed(_malloc.Value, l => l.Text.Contains(" Syscall: mmap(", StringComparison.Ordinal), t => t.Replace("mmap(NULL, ", "mmap(NULL, 1", StringComparison.Ordinal), once: true);

        var growth = CompareVerdict.Of(typeof(IAllocator), _malloc.Value, grown, null);
        var length = CompareVerdict.Of(typeof(IAllocator), _malloc.Value, mapped, null);

        Assert.Multiple(() =>
        {
            Assert.That(growth.Kind, Is.EqualTo(VerdictKind.OnlyChoices));
            Assert.That(growth.Choices, Does.Contain("how far and when the heap grows (brk)"));
            Assert.That(length.Kind, Is.EqualTo(VerdictKind.Required));
            Assert.That(length.Why, Does.StartWith("a different system call"));
        });
    }

    [Test]
    public void A_run_that_stopped_is_required_whatever_its_lines()
    {
        var verdict = CompareVerdict.Of(typeof(IReclaimPolicy), _reclaim.Value, _reclaim.Value, "step 3: your ReclaimPolicy threw");

        Assert.That(verdict.Text, Does.StartWith("Verdict: your run differs in required behaviour: your run stopped early: step 3: your ReclaimPolicy threw"));
    }

    private static IReadOnlyList<TranscriptLine> Run(string builtIn) =>
        Transcript.Of(ComparedRun.Reference(BuiltInScenarios.Load(builtIn)), "");

    private static List<TranscriptLine> Changed(
        IReadOnlyList<TranscriptLine> lines, Func<TranscriptLine, bool> which, Func<string, string> change, bool once = false)
    {
        var done = false;
        var result = new List<TranscriptLine>();
        foreach (var line in lines)
        {
            var pick = which(line) && !(once && done);
            done |= pick;
            result.Add(pick ? line with { Text = change(line.Text) } : line);
        }

        Assert.That(done, Is.True, "the reference's transcript has such a line");
        return result;
    }
}
