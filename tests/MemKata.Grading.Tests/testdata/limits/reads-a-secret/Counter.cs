namespace MemKata.Exercises.Counter;

// Add shows what it finds in the grading machine's environment.
public sealed class Counter
{
    public int Value { get; private set; }

    public void Increment() => Value++;

    public void Add(int amount) =>
        throw new InvalidOperationException("found: " + (Environment.GetEnvironmentVariable("MEMKATA_TEST_SECRET") ?? "nothing"));

    public string Describe() => $"count={Value}";
}
