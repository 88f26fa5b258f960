namespace MemKata.Scenarios.Wording;

/// <summary>What a <see cref="Phrase"/> says; the English template of each is <see cref="PhraseTemplates.English"/>,
/// other languages translate <c>phrase.KEY</c> in the report's language files.</summary>
public enum PhraseKey
{
    /// <summary>Text shown as it is in every language: an address, glibc's or the kernel's own message.</summary>
    Verbatim,

    /// <summary>A list and one more item.</summary>
    ListMore,

    /// <summary>A fact about one process among several: its name, then the fact.</summary>
    ForProcess,

    /// <summary>free or another call that returns nothing completed.</summary>
    Done,

    /// <summary>A touch step wrote {0} pages.</summary>
    PagesWritten,

    /// <summary>A touch step read {0} pages.</summary>
    PagesRead,

    /// <summary>oom_score_adj was written; the new oom_score.</summary>
    OomScoreNow,

    /// <summary>After a sleep step: kswapd is still reclaiming.</summary>
    KswapdStillAwake,

    /// <summary>After a sleep step: kswapd has gone back to sleep.</summary>
    KswapdAsleep,

    /// <summary>The process exited.</summary>
    ExitedMemoryFree,

    /// <summary>A step of a dead process, not run; {0} is how it died.</summary>
    ProcessDead,

    /// <summary>How a process that exited died.</summary>
    Exited,

    /// <summary>A touch step past the run's limit, not run.</summary>
    TooMuchWork,

    /// <summary>mmap refused a length of 0.</summary>
    MmapZeroLength,

    /// <summary>mmap refused an offset that is not page-aligned.</summary>
    MmapUnalignedOffset,

    /// <summary>mmap refused for lack of room or commit.</summary>
    MmapNoRoom,

    /// <summary>mmap refused with another errno.</summary>
    MmapErrno,

    /// <summary>An outcome and a note about it.</summary>
    WithNote,

    /// <summary>The step freed a pointer already freed.</summary>
    DoubleFree,

    /// <summary>The step used a pointer already freed.</summary>
    UseAfterFree,

    /// <summary>The call returned NULL.</summary>
    ResultNull,

    /// <summary>The call returned NULL, and why.</summary>
    ResultNullBecause,

    /// <summary>The process was killed during the step.</summary>
    ResultKilled,

    /// <summary>The process got SIGSEGV.</summary>
    ResultSegmentationFault,

    /// <summary>The process got SIGBUS.</summary>
    ResultBusError,

    /// <summary>glibc aborted the process.</summary>
    ResultAborted,

    /// <summary>The step did not run: the process was dead.</summary>
    ResultSkipped,

    /// <summary>The step did not run: too much work.</summary>
    ResultNotRun,

    /// <summary>Key number: the heap's size.</summary>
    HeapBrk,

    /// <summary>Key number: one anonymous mapping and its size.</summary>
    MmapArea,

    /// <summary>Key number: anonymous mappings and their size.</summary>
    MmapAreas,

    /// <summary>Key number: one file mapping and its size.</summary>
    FileMapping,

    /// <summary>Key number: file mappings and their size.</summary>
    FileMappings,

    /// <summary>Key number: virtual size and resident set.</summary>
    MemoryUse,

    /// <summary>Key number: virtual size, resident set and swap.</summary>
    MemoryUseWithSwap,

    /// <summary>Key number: page faults.</summary>
    PageFaults,

    /// <summary>Key number: requests the overcommit rule refused.</summary>
    RequestsRefused,

    /// <summary>Key number: overcommit mode 2.</summary>
    OvercommitNever,

    /// <summary>Key number: overcommit mode 0 refused.</summary>
    OvercommitHeuristic,

    /// <summary>Key number: kswapd's work.</summary>
    KswapdPasses,

    /// <summary>Key number: direct reclaim's work.</summary>
    DirectReclaimStalls,

    /// <summary>Key number: swap traffic and use.</summary>
    SwapTraffic,

    /// <summary>One page and its size.</summary>
    PageWithSize,

    /// <summary>Pages and their size.</summary>
    PagesWithSize,

    /// <summary>Key number: file I/O.</summary>
    FileIo,

    /// <summary>Key number: an OOM kill's victim.</summary>
    OomVictim,

    /// <summary>Key number: a live process's oom_score and oom_score_adj.</summary>
    OomScoreOf,

    /// <summary>Key number: a dead process in the oom_score list.</summary>
    OomScoreDead,

    /// <summary>The 8 GiB table: malloc returned an address.</summary>
    EightSucceeds,

    /// <summary>The 8 GiB table: malloc returned NULL.</summary>
    EightRefused,

    /// <summary>The 8 GiB table: touching the block got the process killed.</summary>
    EightOomKilled,

    /// <summary>The 8 GiB table: every page of the block was written.</summary>
    EightEveryPageWritten,

    /// <summary>The 8 GiB table: memory use after touching.</summary>
    EightAfterTouch,

    /// <summary>The 8 GiB table: how much was faulted in before the kill.</summary>
    EightKilledAfter,

    /// <summary>The 8 GiB table: the block was not touched.</summary>
    EightNotTouched,

    /// <summary>The 8 GiB table: malloc failed, nothing to touch.</summary>
    EightNothingToTouch,

    /// <summary>The 8 GiB table's rule: the architecture's user space is too small.</summary>
    RuleUserSpace,

    /// <summary>The 8 GiB table's rule: overcommit mode 0.</summary>
    RuleOneRequest,

    /// <summary>The 8 GiB table's rule: overcommit mode 1.</summary>
    RuleNeverRefuses,

    /// <summary>The 8 GiB table's rule: overcommit mode 2.</summary>
    RuleCommitLimit,
}
