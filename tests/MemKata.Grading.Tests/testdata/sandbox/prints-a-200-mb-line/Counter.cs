namespace MemKata.Exercises.Counter;

// Writes 200 MB without a newline straight to the worker's real standard output, the grader's result channel.
public sealed class Counter
{
    public int Value { get; private set; }

    public void Increment() => Value++;

    public void Add(int amount)
    {
        var chunk = new byte[1024 * 1024];
        Array.Fill(chunk, (byte)'x');
        using var stdout = Console.OpenStandardOutput();
        for (var i = 0; i < 200; i++)
        {
            stdout.Write(chunk);
        }

        Value += amount;
    }

    public string Describe() => $"count={Value}";
}
