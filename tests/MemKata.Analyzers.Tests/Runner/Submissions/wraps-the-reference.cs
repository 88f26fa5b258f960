// expected-ids:
// rejected: false
// compiles: false (the grader compiles learner code without the engine: CS0234, CS0246)
// unimplemented:
using MemKata.Contracts;
using MemKata.Engine.Libc;

namespace Exercise;

public class MyAllocator(IProcessMemory memory) : IAllocator
{
    private readonly IAllocator _reference = new GlibcMalloc((MemKata.Engine.Memory.SimulatedProcessMemory)memory);

    public ulong Malloc(ulong size) => _reference.Malloc(size);

    public void Free(ulong pointer) => _reference.Free(pointer);

    public ulong Realloc(ulong pointer, ulong size) => _reference.Realloc(pointer, size);

    public ulong Calloc(ulong count, ulong size) => _reference.Calloc(count, size);
}
