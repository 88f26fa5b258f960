using MemKata.Grading.Model;
using MemKata.Grading.Worker.Protocol;

namespace MemKata.Grading.Comparing;

/// <summary>What replaying a trace with the learner's allocator gave (<see cref="LearnerReplay.Run"/>).</summary>
/// <param name="Component">The learner's allocator type name, <c>Allocator</c>.</param>
/// <param name="End">How the replay ended, as the worker reported it; null when there was no replay (see
/// <see cref="Problems"/>) or the worker was stopped from outside (see <see cref="Ended"/>).</param>
/// <param name="Ended">Why the worker process ended before the replay did (a time-out, a stack overflow, too much
/// memory or output), naming the operation it was in; null otherwise.</param>
/// <param name="Task">The task a stub's <c>NotImplementedException</c> names, if that is what stopped the replay.</param>
/// <param name="TaskTitle">That task's title, if known.</param>
/// <param name="Problems">Why the code cannot run at all: missing files, compiler errors (<c>file:line:col</c>), no
/// allocator of the component's name. Empty when it ran.</param>
public sealed record LearnerReplayResult(
    string Component, ReplayEnd? End, string? Ended, int? Task, string? TaskTitle, IReadOnlyList<SourceProblem> Problems)
{
    /// <summary>True when the code could not run at all (see <see cref="Problems"/>).</summary>
    public bool DidNotRun => Problems.Count > 0;

    /// <summary>True when the allocator ran every operation of the trace and kept every heap rule.</summary>
    public bool Clean => End is { Crash: null, RuleBroken: null, Stop: null } && Ended is null && !DidNotRun;
}
