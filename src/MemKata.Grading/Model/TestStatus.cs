namespace MemKata.Grading.Model;

/// <summary>How a hidden test ended, as far as scoring is concerned.</summary>
public enum TestStatus
{
    /// <summary>The test passed: its points are earned.</summary>
    Passed,

    /// <summary>An assertion failed or the code under test threw.</summary>
    Failed,

    /// <summary>The code under test is still the stub (<see cref="NotImplementedException"/>): the task is not attempted.</summary>
    NotImplemented,

    /// <summary>The test brought its process down or was stopped: a timeout, stack overflow, FailFast, out of memory,
    /// an exception on another thread, an early exit.</summary>
    Crashed,

    /// <summary>The test never ran, because the process died before it and could not be resumed, or time ran out.</summary>
    DidNotRun,

    /// <summary>NUnit skipped it or found it inconclusive (an instructor-side condition; no points).</summary>
    Skipped,
}
