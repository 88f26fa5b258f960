namespace MemKata.Scenarios;

/// <summary>What came of a step, as a kind; <see cref="StepOutcome.Detail"/> says the rest.</summary>
public enum StepOutcomeKind
{
    /// <summary>malloc, calloc, realloc or mmap returned an address (the detail, in hex).</summary>
    Address,

    /// <summary>The call returned NULL (or MAP_FAILED): the request was refused; the detail may say why.</summary>
    Null,

    /// <summary>free or another call that returns nothing completed; the detail says what it did.</summary>
    Done,

    /// <summary>Pages were read or written (the detail says how many).</summary>
    Touched,

    /// <summary>oom_score_adj was written (the detail gives the new oom_score).</summary>
    OomScoreChanged,

    /// <summary>Time passed (the detail says what kswapd is doing and how much is free).</summary>
    Slept,

    /// <summary>The process exited.</summary>
    Exited,

    /// <summary>The process was killed by the OOM killer during the step (the detail is the kill's reason).</summary>
    Killed,

    /// <summary>The process touched memory it has no mapping for: SIGSEGV (the detail is the fault).</summary>
    SegmentationFault,

    /// <summary>The process touched a file mapping past the end of its file: SIGBUS (the detail is the fault).</summary>
    BusError,

    /// <summary>glibc found the heap corrupt and aborted: SIGABRT (the detail is glibc's message).</summary>
    Aborted,

    /// <summary>The process was already dead; the step did not run (the detail says how it died).</summary>
    Skipped,

    /// <summary>The step asks for more simulated work than one run allows (the detail says the limit); it did not run.</summary>
    TooMuchWork,
}
