using MemKata.Engine.Kernel;
using MemKata.Scenarios.Wording;

namespace MemKata.Scenarios.Summaries;

/// <summary>
/// One row of the "malloc 8 GiB on a 4 GiB machine" table: a built-in variant (architecture, overcommit mode, swap),
/// what its malloc returned, and what touching every page of the block does. A variant that only allocates is run a
/// on with a write to every page, on the same machine, so that the table shows "allocated only" and "touched" side by
/// side (unless <c>memkata tour --allocate-only</c> asks to skip it: about two million simulated faults each).
/// </summary>
/// <param name="Name">The built-in scenario's name.</param>
/// <param name="Config">Its machine.</param>
/// <param name="Says">The row's words, each a phrase a report can say in its language: the rule that decides the malloc
/// (with this machine's numbers), what malloc returned, what writing every page did, and RSS and swap after touching
/// (or why there was nothing to touch).</param>
public sealed record EightGibRow(string Name, MachineConfig Config, EightGibRow.Words Says)
{
    /// <summary>The words of a row.</summary>
    /// <param name="Limit">The rule that decides the malloc.</param>
    /// <param name="Allocated">What malloc returned.</param>
    /// <param name="Touched">What writing every page did.</param>
    /// <param name="AfterTouch">RSS and swap after touching, or why there was nothing to touch.</param>
    public sealed record Words(Phrase Limit, Phrase Allocated, Phrase Touched, Phrase AfterTouch);

    /// <summary>The rule that decides the malloc, in English.</summary>
    public string Limit => Says.Limit.English;

    /// <summary>What malloc returned, in English.</summary>
    public string Allocated => Says.Allocated.English;

    /// <summary>What writing every page did, in English.</summary>
    public string Touched => Says.Touched.English;

    /// <summary>RSS and swap after touching, in English.</summary>
    public string AfterTouch => Says.AfterTouch.English;

    /// <summary>True when malloc returned NULL.</summary>
    public bool Refused => Says.Allocated.Key == PhraseKey.EightRefused;

    /// <summary>True when touching the block got the process OOM-killed.</summary>
    public bool Killed => Says.Touched.Key == PhraseKey.EightOomKilled;

    /// <summary>The name prefix of the variants among the built-ins.</summary>
    public const string Prefix = "10-malloc-8-gib-on-4-gib-";

    /// <summary>The row for the variant <paramref name="name"/>, whose run is <paramref name="result"/>; with
    /// <paramref name="touchIfOnlyAllocated"/>, a variant without a touch step goes on with one
    /// (<see cref="ScenarioRunner.Continue"/>): its machine moves on, so show the run before asking for its row.</summary>
    public static EightGibRow From(string name, ScenarioResult result, bool touchIfOnlyAllocated)
    {
        ArgumentNullException.ThrowIfNull(result);
        var scenario = result.Scenario;
        var malloc = scenario.Steps.OfType<MallocStep>().First();
        var allocatedOutcome = result.Steps.First(s => s.Position == malloc.Position);
        var succeeded = allocatedOutcome.Kind != StepOutcomeKind.Null;
        var touchedResult = result;
        var touchOutcome = result.Steps.Zip(scenario.Steps).FirstOrDefault(p => p.Second is TouchStep).First;
        if (touchOutcome is null && succeeded && touchIfOnlyAllocated)
        {
            var touch = new TouchStep(malloc.Process, malloc.Position, malloc.As, 0, null, Write: true);
            touchedResult = ScenarioRunner.Continue(result, touch);
            touchOutcome = touchedResult.Steps[^1];
        }

        Phrase touched, after;
        if (touchOutcome is null)
        {
            touched = Phrase.Verbatim("-");
            after = Phrase.Of(succeeded ? PhraseKey.EightNotTouched : PhraseKey.EightNothingToTouch);
        }
        else
        {
            touched = Phrase.Of(touchOutcome.Kind == StepOutcomeKind.Killed ? PhraseKey.EightOomKilled : PhraseKey.EightEveryPageWritten);
            var machine = touchedResult.Machine;
            var process = machine.Processes[0];
            after = process.IsAlive
                ? Phrase.Of(PhraseKey.EightAfterTouch, SizeText.Pages(process.ResidentPages), SizeText.Pages(process.SwapEntries))
                : Phrase.Of(PhraseKey.EightKilledAfter, SizeText.Pages(touchOutcome.MinorFaults + touchOutcome.MajorFaults));
        }

        var allocated = Phrase.Of(succeeded ? PhraseKey.EightSucceeds : PhraseKey.EightRefused);
        return new EightGibRow(name, scenario.Machine, new Words(RuleOf(result.Machine), allocated, touched, after));
    }

    private static Phrase RuleOf(Machine machine)
    {
        var c = machine.Config;
        if (c.Architecture.UserSpaceBytes < 8UL << 30)
        {
            return Phrase.Of(PhraseKey.RuleUserSpace, SizeText.Bytes(c.Architecture.UserSpaceBytes));
        }

        return c.Overcommit switch
        {
            OvercommitMode.Heuristic => Phrase.Of(PhraseKey.RuleOneRequest, SizeText.Bytes(c.RamBytes + c.SwapBytes)),
            OvercommitMode.Always => Phrase.Of(PhraseKey.RuleNeverRefuses),
            _ => Phrase.Of(PhraseKey.RuleCommitLimit, SizeText.Pages(machine.Overcommit.CommitLimitPages)),
        };
    }
}
