namespace MemKata.Exercises.Counter;

// Add of a negative amount ends the process.
public sealed class Counter
{
    public int Value { get; private set; }

    public void Increment() => Value++;

    public void Add(int amount)
    {
        if (amount < 0)
        {
            Environment.FailFast("negative amounts are not supported");
        }

        Value += amount;
    }

    public string Describe() => $"count={Value}";
}
