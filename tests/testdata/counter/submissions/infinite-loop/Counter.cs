namespace MemKata.Exercises.Counter;

// The second Increment never returns.
public sealed class Counter
{
    public int Value { get; private set; }

    public void Increment()
    {
        while (Value == 1)
        {
        }

        Value++;
    }

    public void Add(int amount) => Value += amount;

    public string Describe() => $"count={Value}";
}
