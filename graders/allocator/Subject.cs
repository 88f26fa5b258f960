extern alias learner;

using MemKata.Contracts;
using MemKata.Graders.Shared;

namespace MemKata.Graders.Allocator;

/// <summary>The allocator under grading: the learner's <c>Allocator</c> class. The learner's assembly is referenced under
/// the extern alias <c>learner</c>, so none of its types is visible anywhere else in this suite (a learner's public
/// <c>Assert</c> cannot stand in for NUnit's): this is the one file that names the learner's component. The component
/// is handed out behind the membrane (<see cref="GuardedAllocator"/>): the hidden tests never call learner code
/// directly, and an exception its contract does not declare fails the test.</summary>
internal static class Subject
{
    /// <summary>Builds the learner's allocator over <paramref name="memory"/>, guarded.</summary>
    public static IAllocator Create(IProcessMemory memory) =>
        new GuardedAllocator(LearnerCall.Run("new Allocator", IAllocator () => new learner::Allocator(memory), () => "memory"));
}
