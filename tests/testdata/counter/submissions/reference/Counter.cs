namespace MemKata.Exercises.Counter;

public sealed class Counter
{
    public int Value { get; private set; }

    public void Increment() => Value++;

    public void Add(int amount) => Value += amount;

    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"count={Value}");
}
