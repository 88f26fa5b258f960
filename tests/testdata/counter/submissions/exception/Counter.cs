namespace MemKata.Exercises.Counter;

// Add throws.
public sealed class Counter
{
    public int Value { get; private set; }

    public void Increment() => Value++;

    public void Add(int amount) => throw new InvalidOperationException($"cannot add {amount}");

    public string Describe() => $"count={Value}";
}
