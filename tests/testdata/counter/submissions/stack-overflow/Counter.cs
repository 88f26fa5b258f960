namespace MemKata.Exercises.Counter;

// Add recurses forever.
public sealed class Counter
{
    public int Value { get; private set; }

    public void Increment() => Value++;

    public void Add(int amount) => AddStep(amount, 0);

    public string Describe() => $"count={Value}";

    private int AddStep(int amount, int depth) => AddStep(amount, depth + 1) + 1;
}
