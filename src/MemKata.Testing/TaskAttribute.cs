using NUnit.Framework;

namespace MemKata.Testing;

/// <summary>
/// Tags a test with the exercise task it checks (the numbered sections of <c>.docs/instructions.md</c>). It is an NUnit
/// property named <see cref="PropertyName"/>, so test results carry it and feedback can say which task is not done yet.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class TaskAttribute : PropertyAttribute
{
    /// <summary>The name of the NUnit property that holds the task number.</summary>
    public const string PropertyName = "Task";

    /// <summary>Tags the test with task <paramref name="number"/> (1-based).</summary>
    public TaskAttribute(int number)
        : base(PropertyName, number)
    {
        if (number < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "Task numbers start at 1.");
        }

        Number = number;
    }

    /// <summary>The task number.</summary>
    public int Number { get; }
}
