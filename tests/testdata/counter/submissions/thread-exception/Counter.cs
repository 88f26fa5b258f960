namespace MemKata.Exercises.Counter;

// Add throws on a thread of its own: an unhandled exception ends the process.
public sealed class Counter
{
    public int Value { get; private set; }

    public void Increment() => Value++;

    public void Add(int amount)
    {
        var thread = new Thread(() => throw new InvalidOperationException("the adder thread gave up"));
        thread.Start();
        thread.Join();
        Value += amount;
    }

    public string Describe() => $"count={Value}";
}
