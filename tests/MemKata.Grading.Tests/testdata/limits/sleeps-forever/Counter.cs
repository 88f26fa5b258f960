namespace MemKata.Exercises.Counter;

// Add waits for something that never happens: no CPU is used, only the wall clock catches it.
public sealed class Counter
{
    public int Value { get; private set; }

    public void Increment() => Value++;

    public void Add(int amount)
    {
        Thread.Sleep(Timeout.Infinite);
        Value += amount;
    }

    public string Describe() => $"count={Value}";
}
