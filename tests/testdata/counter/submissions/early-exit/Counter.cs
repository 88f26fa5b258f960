namespace MemKata.Exercises.Counter;

// Add of a negative amount exits the process quietly, with success.
public sealed class Counter
{
    public int Value { get; private set; }

    public void Increment() => Value++;

    public void Add(int amount)
    {
        if (amount < 0)
        {
            Environment.Exit(0);
        }

        Value += amount;
    }

    public string Describe() => $"count={Value}";
}
