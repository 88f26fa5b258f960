namespace MemKata.Exercises.Counter;

// A correct counter, and a few lines that make the compiler's member lookup explode (each Q names a bigger type than
// the last): a compile-time bomb. The compile job's time limit stops it; the grader survives.
public sealed class Counter
{
    public int Value { get; private set; }

    public void Increment() => Value++;

    public void Add(int amount) => Value += amount;

    public string Describe() => $"count={Value}";
}

internal class P<A, B, C, D, E>
{
    internal class Q : P<Q, Q, Q, Q, Q>
    {
        internal Q.Q.Q.Q.Q.Q.Q.Q.Q.Q.Q.Q.Q.Q.Q.Q.Q.Q.Q.Q.Q.Q.Q.Q? x;
    }
}
