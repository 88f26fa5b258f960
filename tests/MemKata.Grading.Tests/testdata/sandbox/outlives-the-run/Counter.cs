using System.Diagnostics;

namespace MemKata.Exercises.Counter;

// Leaves a daemon behind (its own session, its parent gone) that waits for the grading to end, then rewrites the
// results file. Add itself is correct: the attack is the daemon.
public sealed class Counter
{
    public int Value { get; private set; }

    public void Increment() => Value++;

    public void Add(int amount)
    {
        var start = new ProcessStartInfo("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("setsid sh -c 'sleep 3.__MARKER__; echo forged > __RESULTS__; sleep 60.__MARKER__' < /dev/null > /dev/null 2>&1 &");
        Process.Start(start)!.WaitForExit();
        Value += amount;
    }

    public string Describe() => $"count={Value}";
}
