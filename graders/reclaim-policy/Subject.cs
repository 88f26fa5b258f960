extern alias learner;

using MemKata.Contracts.Kernel;
using MemKata.Graders.Shared;

namespace MemKata.Graders.ReclaimPolicy;

/// <summary>The reclaim policy under grading: the learner's <c>ReclaimPolicy</c> class. The learner's assembly is
/// referenced under the extern alias <c>learner</c>, so none of its types is visible anywhere else in this suite (a
/// learner's public <c>Assert</c> cannot stand in for NUnit's): this is the one file that names the learner's
/// component. The component is handed out behind the membrane (<see cref="GuardedReclaimPolicy"/>): the hidden tests
/// and the simulated kernel never call learner code directly.</summary>
internal static class Subject
{
    /// <summary>Builds a new learner's policy, guarded.</summary>
    public static IReclaimPolicy Create() =>
        new GuardedReclaimPolicy(LearnerCall.Run("new ReclaimPolicy", IReclaimPolicy () => new learner::ReclaimPolicy()));
}
