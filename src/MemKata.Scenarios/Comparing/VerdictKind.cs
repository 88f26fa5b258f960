namespace MemKata.Scenarios.Comparing;

/// <summary>What <c>scenario compare</c> concludes about the learner's run (<see cref="CompareVerdict"/>).</summary>
public enum VerdictKind
{
    /// <summary>Every line equals the reference's.</summary>
    Identical,

    /// <summary>The runs differ only in what the exercise's instructions leave to the learner (named).</summary>
    OnlyChoices,

    /// <summary>The runs differ in what the rules require, or the learner's run stopped early.</summary>
    Required,
}
