namespace MemKata.Graders.Allocator;

/// <summary>What a snapshot file holds: the program's name, what is compared, and one line per event.</summary>
internal sealed record SnapshotDocument(string Program, string Compared, IReadOnlyList<string> Events)
{
    public const string WhatIsCompared =
        "per operation: heap or mmap, the mmap/munmap calls with their lengths, whether a big block moved the break; " +
        "heap addresses, brk moves of heap operations and the calls of realloc are the learner's choice and not recorded";
}
