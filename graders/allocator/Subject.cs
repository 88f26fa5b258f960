extern alias learner;

using MemKata.Contracts;

namespace MemKata.Graders.Allocator;

/// <summary>The allocator under grading: the learner's <c>Allocator</c> class. The learner's assembly is referenced under
/// the extern alias <c>learner</c>, so none of its types is visible anywhere else in this suite (a learner's public
/// <c>Assert</c> cannot stand in for NUnit's): this is the one file that names the learner's component.</summary>
internal static class Subject
{
    /// <summary>Builds the learner's allocator over <paramref name="memory"/>.</summary>
    public static IAllocator Create(IProcessMemory memory) => new learner::Allocator(memory);
}
