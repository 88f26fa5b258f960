namespace MemKata.Graders.Allocator;

/// <summary>Runs a program on a <see cref="GradedProcess"/>, one slot per block id, as malloclab's driver does. The
/// process checks every operation; the optional callback sees each one after it ran.</summary>
internal static class ProgramRunner
{
    public static void Run(GradedProcess process, IReadOnlyList<GraderOperation> program, Action<int, GraderOperation, ulong>? afterEach = null)
    {
        var slots = new Dictionary<int, ulong>();
        for (var i = 0; i < program.Count; i++)
        {
            var op = program[i];
            var held = slots.GetValueOrDefault(op.Id);
            var result = op.Kind switch
            {
                GraderOperationKind.Malloc => process.Malloc(op.Size),
                GraderOperationKind.Calloc => process.Calloc(op.Count, op.Size),
                GraderOperationKind.Realloc => process.Realloc(held, op.Size),
                _ => Free(process, held),
            };

            if (op.Kind != GraderOperationKind.Realloc || result != 0 || op.Size == 0)
            {
                slots[op.Id] = result;
            }

            afterEach?.Invoke(i, op, result);
        }

        process.CheckEverything("at the end of the program");
    }

    private static ulong Free(GradedProcess process, ulong pointer)
    {
        process.Free(pointer);
        return 0;
    }
}
