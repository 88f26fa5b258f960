using System.Globalization;
using MemKata.Cli.Replay;
using MemKata.Engine.Performance;
using MemKata.Engine.Traces;
using MemKata.Grading.Comparing;

namespace MemKata.Cli.Rendering;

/// <summary>
/// The end of <c>replay --exercise</c>: whether the learner's allocator kept the heap rules, then its utilization and
/// simulated cost on the trace (the performance index's inputs, task 8) beside the reference solution's, and the
/// trace's score as the index computes it. Problems (a broken rule, an exception, a process that had to be stopped)
/// go to standard error, one plain paragraph naming the operation and its trace line, never a stack trace.
/// </summary>
internal static class LearnerReplayReport
{
    /// <summary>Writes why the learner's code could not run (missing files, compiler errors); returns exit code 2.</summary>
    public static int DidNotRun(TextWriter error, LearnerReplayResult result, string folder)
    {
        var compileErrors = result.Problems.Any(p => p.Id != LearnerScenario.MissingComponentId);
        error.WriteLine(compileErrors
            ? $"memkata: your code does not compile, so it cannot run ({result.Problems.Count} problem{(result.Problems.Count == 1 ? "" : "s")}):"
            : "memkata: your code cannot replay a trace:");
        foreach (var p in result.Problems)
        {
            error.WriteLine((p.File is null ? p : p with { File = Path.Combine(folder, p.File) }).ToString());
        }

        error.Flush();
        return ExitCodes.UsageError;
    }

    /// <summary>Writes the rules' verdict and the measurement beside the reference's.</summary>
    public static void Write(TextWriter output, Trace trace, LearnerReplayResult result, ReferenceNumbers reference)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine($"Your {result.Component} on {trace.Source}");
        var end = result.End;
        output.WriteLine(
            result.Clean ? string.Create(c, $"heap rules: kept on all {trace.Operations.Count} operations (16-byte alignment, a size word that covers the block and stays, no overlap, the program's bytes kept)")
            : end?.RuleBroken is { } rule ? $"heap rules: broken at {rule}"
            : "heap rules: checked until the replay stopped (see the message on standard error)");
        if (end is null)
        {
            output.Flush();
            return;
        }

        var yours = end.Measurement;
        var theirs = reference.Measurement;
        output.WriteLine();
        output.WriteLine($"{"",-26}{"yours",16}{(theirs is null ? "" : "reference"),16}".TrimEnd());
        Row(output, "utilization", Percent(yours), theirs is null ? "" : Percent(theirs));
        Row(output, "  peak payload (bytes)", N(yours.PeakPayload), theirs is null ? "" : N(theirs.PeakPayload));
        Row(output, "  peak footprint (bytes)", N(yours.PeakFootprint), theirs is null ? "" : N(theirs.PeakFootprint));
        Row(output, "simulated cost", N(yours.Cost), theirs is null ? "" : N(theirs.Cost));
        Row(output, "  word/byte accesses", N(yours.Work.Accesses), theirs is null ? "" : N(theirs.Work.Accesses));
        Row(output, "  bytes filled or copied", N(yours.Work.BulkBytes), theirs is null ? "" : N(theirs.Work.BulkBytes));
        Row(output, "  system calls", N(yours.Work.Syscalls), theirs is null ? "" : N(theirs.Work.Syscalls));
        Row(output, "  page faults", N(yours.Work.PageFaults), theirs is null ? "" : N(theirs.Work.PageFaults));
        output.WriteLine(string.Create(c,
            $"cost = accesses + bytes / {CostModel.BulkBytesPerAccess} + {CostModel.Syscall} x system calls + {CostModel.PageFault} x page faults (task 8)"));
        if (theirs is not null && reference.Origin is { } origin)
        {
            output.WriteLine($"reference: {origin}");
        }
        if (yours.Failure is not null)
        {
            output.WriteLine("score on this trace: 0 of 100: a trace your allocator does not finish within the rules scores 0 (task 8).");
        }
        else if (theirs is null)
        {
            output.WriteLine($"score on this trace: not computed: {reference.Missing}.");
        }
        else
        {
            output.WriteLine(string.Create(c,
                $"score on this trace: {PerformanceIndex.TraceScore(yours, theirs):F1} of 100 = 100 x (0.6 x min(1, U / U_ref) + 0.4 x min(1, C_ref / C)); the reference scores 100."));
            output.WriteLine("The graded index is this score's mean over the hidden traces (task 8).");
        }

        output.Flush();
    }

    /// <summary>Writes what stopped the replay, if anything did, to <paramref name="error"/>: a broken heap rule, an
    /// exception (with the learner's file and line and, for a stub, the task), or a process that had to be stopped.</summary>
    public static void Problem(TextWriter error, Trace trace, LearnerReplayResult result)
    {
        if (result.Ended is { } ended)
        {
            error.WriteLine($"memkata: {ended}");
        }
        else if (result.End?.Stop is { } stop)
        {
            error.WriteLine($"memkata: your {result.Component} threw {stop.Exception} in {LearnerReplay.Where(trace, stop.Operation)}: {stop.Message}");
            if (stop.Source is { } source)
            {
                error.WriteLine($"  at {source}");
            }

            if (result.Task is { } task)
            {
                error.WriteLine($"  Task {task}{(result.TaskTitle is { } title ? $" ({title})" : "")} is not done yet: see .docs/instructions.md, task {task}.");
            }
        }
        else if (result.End is { RuleBroken: { } rule })
        {
            error.WriteLine($"memkata: your {result.Component} broke a heap rule at {rule}. " +
                "The rules are task 1's to 5's in .docs/instructions.md; --show-heap N shows the heap after an operation.");
        }

        error.Flush();
    }

    private static void Row(TextWriter output, string label, string yours, string reference) =>
        output.WriteLine($"{label,-26}{yours,16}{reference,16}".TrimEnd());

    private static string Percent(TraceMeasurement m) =>
        m.Failure is null ? (100 * m.Utilization).ToString("F1", CultureInfo.InvariantCulture) + " %" : "failed";

    private static string N(ulong value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
