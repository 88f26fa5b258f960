using MemKata.Contracts.Kernel;
using MemKata.Testing;

namespace MemKata.Graders.ReclaimPolicy;

/// <summary>Runs the learner's policy (<see cref="Subject"/>) on a fake kernel.</summary>
internal static class Policies
{
    public static IReclaimPolicy Learner() => Subject.Create();

    public static FakeKernel Reclaim(FakeKernel kernel, ReclaimMode mode, long wanted)
    {
        Learner().Reclaim(kernel, new ReclaimRequest(mode, wanted));
        return kernel;
    }
}
