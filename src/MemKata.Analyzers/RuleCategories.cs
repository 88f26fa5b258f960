namespace MemKata.Analyzers;

/// <summary>The categories of MemKata rules: what kind of problem a diagnostic is, and so how the grader treats it.</summary>
public static class RuleCategories
{
    /// <summary>What learner code may use: only allowed APIs, in plain safe C# (errors: the grader refuses to run the
    /// submission).</summary>
    public const string Sandbox = "MemKata.Sandbox";

    /// <summary>A design that defeats what the exercise teaches (warnings).</summary>
    public const string Design = "MemKata.Design";

    /// <summary>Where the learner is: tasks not yet attempted (information the grader turns into a progress line).</summary>
    public const string Progress = "MemKata.Progress";

    /// <summary>Suggestions that make code read like the real system's (information, never an error).</summary>
    public const string Teaching = "MemKata.Teaching";
}
