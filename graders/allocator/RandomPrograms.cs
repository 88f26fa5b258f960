using MemKata.Graders.Shared;

namespace MemKata.Graders.Allocator;

/// <summary>
/// Seeded random programs (sequences of <see cref="GraderOperation"/>), the same on every machine and .NET version: the
/// generator is <see cref="SeededRandom"/> (SplitMix64), not <see cref="Random"/>. A profile sets the sizes and the mix of operations.
/// </summary>
internal static class RandomPrograms
{
    /// <summary>The kinds of program the graders run.</summary>
    public enum Profile
    {
        /// <summary>malloc and free, 0 to 8 KiB, many small blocks: reuse and coalescing.</summary>
        Small,

        /// <summary>malloc, calloc and free from 0 to 1 MiB, with sizes crowding the threshold: mmap and heap together.</summary>
        Mixed,

        /// <summary>Everything, realloc the most: shrink, grow, to and from NULL and 0, across the threshold.</summary>
        Realloc,
    }

    public static IReadOnlyList<GraderOperation> Generate(Profile profile, ulong seed, int operations, int slots = 64)
    {
        var random = new SeededRandom(seed);
        var held = new bool[slots];
        var program = new List<GraderOperation>(operations);
        while (program.Count < operations)
        {
            var id = (int)random.Below((ulong)slots);
            var size = NextSize(profile, random);
            if (!held[id])
            {
                var roll = random.Below(10);
                var kind = profile == Profile.Small || roll < 6 ? GraderOperationKind.Malloc
                    : roll < 8 ? GraderOperationKind.Calloc
                    : GraderOperationKind.Realloc;
                program.Add(kind == GraderOperationKind.Calloc
                    ? new GraderOperation(kind, id, Math.Max(1, size / 8), 8)
                    : new GraderOperation(kind, id, size));
                held[id] = true;
            }
            else
            {
                var resize = profile == Profile.Realloc && random.Below(10) < 6;
                if (resize)
                {
                    var toZero = random.Below(20) == 0;
                    program.Add(new GraderOperation(GraderOperationKind.Realloc, id, toZero ? 0 : size));
                    held[id] = !toZero;
                }
                else
                {
                    program.Add(new GraderOperation(GraderOperationKind.Free, id, 0));
                    held[id] = false;
                }
            }
        }

        return program;
    }

    private static ulong NextSize(Profile profile, SeededRandom random)
    {
        switch (profile)
        {
            case Profile.Small:
                return random.Below(4) == 0 ? random.Below(33) : random.Below(8193);
            default:
                var roll = random.Below(10);
                if (roll < 2)
                {
                    // Crowd the threshold: 131048 and 131049 and their neighbours, and the page edges of the mapping length.
                    ulong[] edges = [131032, 131040, 131047, 131048, 131049, 131050, 131056, 131064, 131072, 135152, 135153];
                    return edges[random.Below((ulong)edges.Length)];
                }

                return roll < 9 ? random.Below(2049) : random.Below((1UL << 20) + 1);
        }
    }
}
