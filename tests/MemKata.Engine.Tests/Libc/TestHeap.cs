using MemKata.Contracts;
using MemKata.Engine.Libc;
using MemKata.Engine.Memory;

namespace MemKata.Engine.Tests.Libc;

/// <summary>A fresh process with glibc's malloc, and offsets from the initial break for readable assertions.</summary>
internal sealed class TestHeap
{
    public TestHeap()
    {
        Memory = new SimulatedProcessMemory();
        Start = Memory.ProgramBreak;
        Malloc = new GlibcMalloc(Memory);
    }

    public SimulatedProcessMemory Memory { get; }

    public GlibcMalloc Malloc { get; }

    /// <summary>The program break before the first malloc.</summary>
    public ulong Start { get; }

    /// <summary>The break now, relative to <see cref="Start"/>.</summary>
    public long Break => (long)(Memory.ProgramBreak - Start);

    public long Offset(ulong pointer) => (long)(pointer - Start);

    public ulong ChunkSize(ulong pointer) => Memory.ReadWord(pointer - 8) & ~7UL;

    public bool IsMmapped(ulong pointer) => ChunkHeader.Of(Memory, pointer).IsMmapped;
}
