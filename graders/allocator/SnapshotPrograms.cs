namespace MemKata.Graders.Allocator;

/// <summary>The programs whose system calls are snapshotted, by name: one fixed program around the threshold and
/// seeded random ones.</summary>
internal static class SnapshotPrograms
{
    public static IEnumerable<string> Names => ["threshold-edges", "mixed-101", "mixed-102", "realloc-201"];

    public static IReadOnlyList<GraderOperation> Get(string name) => name switch
    {
        "threshold-edges" => ThresholdEdges(),
        "mixed-101" => RandomPrograms.Generate(RandomPrograms.Profile.Mixed, 101, 400, slots: 30),
        "mixed-102" => RandomPrograms.Generate(RandomPrograms.Profile.Mixed, 102, 400, slots: 30),
        "realloc-201" => RandomPrograms.Generate(RandomPrograms.Profile.Realloc, 201, 400, slots: 30),
        _ => throw new ArgumentException($"no snapshot program named '{name}'", nameof(name)),
    };

    private static List<GraderOperation> ThresholdEdges()
    {
        ulong[] sizes = [131032, 131040, 131047, 131048, 131049, 131050, 131056, 131064, 131072, 135143, 135144, 135152, 135153, 1UL << 20];
        var program = new List<GraderOperation>();
        for (var i = 0; i < sizes.Length; i++)
        {
            program.Add(new GraderOperation(GraderOperationKind.Malloc, i, sizes[i]));
            program.Add(new GraderOperation(GraderOperationKind.Malloc, 100 + i, 24));
        }

        program.Add(new GraderOperation(GraderOperationKind.Calloc, 50, 131049));
        program.Add(new GraderOperation(GraderOperationKind.Calloc, 51, 65525, 2));
        program.Add(new GraderOperation(GraderOperationKind.Calloc, 52, 65524, 2));
        for (var i = sizes.Length - 1; i >= 0; i--)
        {
            program.Add(new GraderOperation(GraderOperationKind.Free, i, 0));
        }

        program.Add(new GraderOperation(GraderOperationKind.Free, 50, 0));
        program.Add(new GraderOperation(GraderOperationKind.Free, 51, 0));
        program.Add(new GraderOperation(GraderOperationKind.Free, 52, 0));
        return program;
    }
}
