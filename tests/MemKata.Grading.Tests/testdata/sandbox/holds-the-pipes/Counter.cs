using System.Diagnostics;

namespace MemKata.Exercises.Counter;

// Starts a long sleep that inherits the worker's standard output and error: a reader that waits for the end of the
// pipe would wait two minutes. Add itself is correct.
public sealed class Counter
{
    public int Value { get; private set; }

    public void Increment() => Value++;

    public void Add(int amount)
    {
        var start = new ProcessStartInfo("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("sleep 120.__MARKER__ &");
        Process.Start(start)!.WaitForExit();
        Value += amount;
    }

    public string Describe() => $"count={Value}";
}
