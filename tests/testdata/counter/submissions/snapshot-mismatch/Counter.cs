namespace MemKata.Exercises.Counter;

// Describe puts spaces around the equals sign: the snapshot check fails.
public sealed class Counter
{
    public int Value { get; private set; }

    public void Increment() => Value++;

    public void Add(int amount) => Value += amount;

    public string Describe() => $"count = {Value}";
}
