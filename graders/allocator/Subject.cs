using MemKata.Contracts;

namespace MemKata.Graders.Allocator;

/// <summary>The allocator under grading: the learner's <c>Allocator</c> class, which lives in the global namespace (so
/// the name must be qualified here, inside a namespace that is itself called <c>Allocator</c>).</summary>
internal static class Subject
{
    /// <summary>Builds the learner's allocator over <paramref name="memory"/>.</summary>
    public static IAllocator Create(IProcessMemory memory) => new global::Allocator(memory);
}
