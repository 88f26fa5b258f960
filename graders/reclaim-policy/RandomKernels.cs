using MemKata.Contracts.Kernel;
using MemKata.Graders.Shared;
using MemKata.Testing;

namespace MemKata.Graders.ReclaimPolicy;

/// <summary>
/// Seeded random reclaim requests: four LRU lists of random lengths, dirty pages sprinkled at random, none, a quarter,
/// half or all of the pages referenced, swap absent, short or ample, swappiness from 0 to 200, kswapd or direct, and up
/// to every page wanted. The same
/// seed and index build the same kernel every time, so the learner's policy and the reference can each get their own
/// copy of one situation.
/// </summary>
internal static class RandomKernels
{
    /// <summary>What a random request looks like, for the tests' rules and messages.</summary>
    public sealed record Shape(ReclaimMode Mode, long Wanted, int Swappiness, long SwapSlots, int FilePages, int AnonPages, int DirtyPages)
    {
        public override string ToString() =>
            $"{Mode} reclaim of {Wanted} pages, swappiness {Swappiness}, {SwapSlots} free swap slots, {FilePages} file pages ({DirtyPages} dirty), {AnonPages} anonymous pages";
    }

    /// <summary>Kernel <paramref name="index"/> of <paramref name="seed"/>, with only file pages when
    /// <paramref name="fileOnly"/>, and no dirty page when <paramref name="clean"/> (the same draws either way).</summary>
    public static (FakeKernel Kernel, Shape Shape) Build(ulong seed, int index, bool fileOnly = false, bool clean = false)
    {
        var random = new SeededRandom((seed * 7919) + (ulong)index);
        var swappiness = (int)new[] { 0, 10, 60, 100, 200 }[random.Below(5)];
        var slots = fileOnly ? 0 : new[] { 0L, random.Between(1, 20), 100_000 }[random.Below(3)];
        var kernel = new FakeKernel { Swappiness = swappiness, SwapSlots = slots };
        var touchedOneIn = new ulong[] { 0, 4, 2, 1 }[random.Below(4)];
        var dirty = 0;
        var file = 0;
        var anon = 0;
        foreach (var list in Enum.GetValues<LruList>())
        {
            var anonymous = list is LruList.InactiveAnon or LruList.ActiveAnon;
            if (anonymous && fileOnly)
            {
                continue;
            }

            var count = (int)random.Between(0, 160);
            for (var i = 0; i < count; i++)
            {
                var isDirty = !anonymous && random.Below(4) == 0 && !clean;
                var page = kernel.Add(list, 1, anonymous, isDirty)[0];
                if (touchedOneIn > 0 && random.Below(touchedOneIn) == 0)
                {
                    kernel.Touch(page);
                }

                dirty += isDirty ? 1 : 0;
            }

            if (anonymous)
            {
                anon += count;
            }
            else
            {
                file += count;
            }
        }

        var mode = random.Below(2) == 0 ? ReclaimMode.Background : ReclaimMode.Direct;
        var wanted = mode == ReclaimMode.Direct ? random.Between(1, 64) : random.Between(1, Math.Max(1, file + anon));
        return (kernel, new Shape(mode, wanted, swappiness, slots, file, anon, dirty));
    }

    /// <summary>True when the reference policy, asked for twice the pages (and a batch) from the same kernel, frees them
    /// all: the lists then hold plenty of reclaimable pages for this request, whatever the scan order, batch sizes and
    /// priorities (the learner's choice) that reach them. A request the reference only just meets is not held against
    /// a policy that scans differently.</summary>
    public static bool PlentyToReclaim(ulong seed, int index, bool fileOnly = false, bool clean = false)
    {
        var (kernel, shape) = Build(seed, index, fileOnly, clean);
        var generous = (2 * shape.Wanted) + FakeKernel.Batch;
        new MemKata.Engine.Reference.ReferenceReclaimPolicy().Reclaim(kernel, new ReclaimRequest(shape.Mode, generous));
        return kernel.Freed.Count >= generous;
    }
}
