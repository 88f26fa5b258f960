namespace MemKata.Grading.Model;

/// <summary>What a hidden test counts for (grader.json).</summary>
public enum TestKind
{
    /// <summary>A test of its task: it shares the task's weight.</summary>
    Task,

    /// <summary>A snapshot check (category <c>snapshots.category</c>): it shares the snapshot weight.</summary>
    Snapshot,

    /// <summary>A report (category <c>reports.category</c>): no points, its output is shown.</summary>
    Report,
}
