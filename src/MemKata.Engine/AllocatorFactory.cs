using MemKata.Contracts;
using MemKata.Engine.Memory;

namespace MemKata.Engine;

/// <summary>Builds the allocator of a new process from its memory (the reference: <c>m =&gt; new GlibcMalloc(m)</c>;
/// a learner's allocator sees only the <see cref="IProcessMemory"/> surface).</summary>
public delegate IAllocator AllocatorFactory(SimulatedProcessMemory memory);
