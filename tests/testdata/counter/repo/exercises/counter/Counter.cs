namespace MemKata.Exercises.Counter;

/// <summary>A counter (the fake exercise of the grading tests).</summary>
public sealed class Counter
{
    /// <summary>Task 1.</summary>
    public int Value => throw new NotImplementedException("Task 1: return the count. See .docs/instructions.md, task 1.");

    /// <summary>Task 1.</summary>
    public void Increment() => throw new NotImplementedException("Task 1: add one. See .docs/instructions.md, task 1.");

    /// <summary>Task 2.</summary>
    public void Add(int amount) => throw new NotImplementedException("Task 2: add amount. See .docs/instructions.md, task 2.");

    /// <summary>Task 2: the count in words, e.g. "count=3".</summary>
    public string Describe() => throw new NotImplementedException("Task 2: describe. See .docs/instructions.md, task 2.");
}
