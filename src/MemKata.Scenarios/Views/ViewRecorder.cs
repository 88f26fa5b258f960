using MemKata.Engine.Kernel;

namespace MemKata.Scenarios.Views;

/// <summary>
/// Takes a <see cref="MachineView"/> after each step of a run (or after one chosen step), from the runner's
/// <c>stepStarting</c> hook (the view after step k is taken as step k + 1 starts) and from <see cref="Finish"/> after
/// the last step. It only reads the machine; with <paramref name="faults"/> it listens to
/// <see cref="Machine.FaultHandled"/> from the first step it is told of, and each view gets the faults since the one
/// before.
/// </summary>
/// <param name="pageTables">Whether views hold the processes' page tables.</param>
/// <param name="lru">Whether views hold the LRU lists.</param>
/// <param name="onlyStep">The one step to take a view after, or null for every step (0: the processes' start).</param>
/// <param name="faults">Whether views hold the step's page faults and the handler's calls for them.</param>
/// <param name="reclaims">Whether views hold the step's reclaim passes (<see cref="Machine.ReclaimRan"/>).</param>
public sealed class ViewRecorder(bool pageTables, bool lru, int? onlyStep, bool faults = false, bool reclaims = false)
{
    private readonly List<MachineView> _views = [];
    private readonly List<FaultRun> _faults = [];
    private readonly List<ReclaimPass> _reclaims = [];
    private bool _listening;
    private int _last = -1;

    /// <summary>The views taken, in step order.</summary>
    public IReadOnlyList<MachineView> Views => _views;

    /// <summary>The runner's hook: step <paramref name="starting"/> is about to run on <paramref name="machine"/>.</summary>
    public void StepStarting(int starting, Machine machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        if (!_listening)
        {
            _listening = true;
            if (faults)
            {
                machine.FaultHandled += fault => FaultRun.Add(_faults, fault);
            }

            if (reclaims)
            {
                machine.ReclaimRan += _reclaims.Add;
            }
        }

        if (starting >= 1)
        {
            Take(starting - 1, machine);
        }
    }

    /// <summary>Takes the view after <paramref name="lastStep"/>, the run's last step, unless it was taken.</summary>
    public void Finish(int lastStep, Machine machine) => Take(lastStep, machine);

    private void Take(int afterStep, Machine machine)
    {
        if (afterStep <= _last || (onlyStep is { } only && only != afterStep))
        {
            _faults.Clear();
            _reclaims.Clear();
            return;
        }

        _last = afterStep;
        _views.Add(MachineView.Of(machine, afterStep, pageTables, lru) with
        {
            Faults = faults ? [.. _faults] : null,
            Reclaims = reclaims ? ReclaimLog.Of(_reclaims) : null,
        });
        _faults.Clear();
        _reclaims.Clear();
    }
}
