namespace MemKata.Exercises.Counter;

public sealed class Counter
{
    public int Value { get; private set; }

    public void Increment() => Value += step;

    public void Add(int amount) => Value += amount;

    public string Describe() => $"count={Value}";
}
