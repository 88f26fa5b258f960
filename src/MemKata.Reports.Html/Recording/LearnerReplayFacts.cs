using MemKata.Engine.Performance;

namespace MemKata.Reports.Html.Recording;

/// <summary>
/// What <c>memkata replay TRACE --exercise DIR</c> found besides the learner's heap, for its page: whether the heap
/// rules held, the learner's utilization and simulated cost beside the reference solution's (or why there is none),
/// and the trace's score as the performance index computes it.
/// </summary>
/// <param name="Component">The learner's component type, e.g. <c>Allocator</c>.</param>
/// <param name="Operations">How many operations the trace has.</param>
/// <param name="Clean">True when every rule held to the end and nothing stopped the replay.</param>
/// <param name="RuleBroken">The first rule broken, with its operation, or null.</param>
/// <param name="Stopped">What stopped the replay otherwise (an exception, a process that had to be stopped), or null.</param>
/// <param name="Yours">The learner's measurement, or null when the replay did not get that far.</param>
/// <param name="Reference">The reference's measurement on the same trace, or null.</param>
/// <param name="ReferenceOrigin">Where <paramref name="Reference"/> comes from when it did not run now, or null.</param>
/// <param name="ReferenceMissing">Why there is no <paramref name="Reference"/>, or null.</param>
public sealed record LearnerReplayFacts(
    string Component,
    int Operations,
    bool Clean,
    string? RuleBroken,
    string? Stopped,
    TraceMeasurement? Yours,
    TraceMeasurement? Reference,
    string? ReferenceOrigin,
    string? ReferenceMissing)
{
    /// <summary>The trace's score, 0 to 100: 0 for a trace the learner's allocator did not finish within the rules;
    /// null when there is no reference to score against.</summary>
    public double? Score => Yours is null ? null
        : Yours.Failure is not null || !Clean ? 0
        : Reference is null ? null
        : PerformanceIndex.TraceScore(Yours, Reference);
}
