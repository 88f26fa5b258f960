namespace MemKata.Exercises.Counter;

// Add keeps every step it ever took.
public sealed class Counter
{
    private readonly List<byte[]> _history = [];

    public int Value { get; private set; }

    public void Increment() => Value++;

    public void Add(int amount)
    {
        while (true)
        {
            _history.Add(new byte[1 << 20]);
            _history[^1][0] = (byte)amount;
        }
    }

    public string Describe() => $"count={Value}";
}
