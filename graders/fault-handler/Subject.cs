extern alias learner;

using MemKata.Contracts.Kernel;
using MemKata.Graders.Shared;

namespace MemKata.Graders.FaultHandler;

/// <summary>The page-fault handler under grading: the learner's <c>FaultHandler</c> class. The learner's assembly is
/// referenced under the extern alias <c>learner</c>, so none of its types is visible anywhere else in this suite (a
/// learner's public <c>Assert</c> cannot stand in for NUnit's): this is the one file that names the learner's
/// component. The component is handed out behind the membrane (<see cref="GuardedFaultHandler"/>): the hidden tests and
/// the simulated kernel never call learner code directly.</summary>
internal static class Subject
{
    /// <summary>Builds a new learner's handler, guarded.</summary>
    public static IPageFaultHandler Create() =>
        new GuardedFaultHandler(LearnerCall.Run("new FaultHandler", IPageFaultHandler () => new learner::FaultHandler()));
}
