namespace MemKata.Engine.Traces;

/// <summary>
/// Which operations of a replay an illustrated report draws the heap after, decided as the replay goes (so that the
/// grading worker, where a learner's allocator runs, sends only those heaps): every operation while a trace is short,
/// else <see cref="MaxFrames"/> spread evenly plus every operation that made a system call (up to twice as many in
/// all), and the last operation run, so that a long trace stays a readable page. Steps must list their system calls.
/// </summary>
/// <param name="totalOperations">How many operations the trace has.</param>
public sealed class HeapFrameSampler(int totalOperations)
{
    /// <summary>Operations drawn when they are spread evenly over a long trace.</summary>
    public const int MaxFrames = 120;

    private readonly int _stride = Math.Max(1, (totalOperations + MaxFrames - 1) / MaxFrames);
    private int _kept;
    private int _lastKept = -1;

    /// <summary>Whether the heap after <paramref name="step"/> is drawn; call once per step, in order.</summary>
    public bool Wants(in ReplayStep step)
    {
        var wanted = step.Index % _stride == 0 || (step.Syscalls.Count > 0 && _kept < 2 * MaxFrames);
        if (wanted)
        {
            _kept++;
            _lastKept = step.Index;
        }

        return wanted;
    }

    /// <summary>Whether the replay's last step, <paramref name="lastIndex"/> (-1 when none ran), still needs its heap
    /// drawn once the replay has ended; at most once true.</summary>
    public bool WantsLast(int lastIndex)
    {
        if (lastIndex < 0 || lastIndex == _lastKept)
        {
            return false;
        }

        _lastKept = lastIndex;
        return true;
    }
}
