namespace MemKata.Scenarios;

/// <summary>
/// Where a scenario run stopped because a component (a page-fault handler, a reclaim policy, an allocator) threw an
/// exception that is not an outcome of the simulation (SIGSEGV, abort and OOM kills are outcomes): e.g. the
/// <c>NotImplementedException</c> of an exercise's stub.
/// </summary>
/// <param name="StepIndex">The step that was running (1 for the first); 0 while the processes were being started,
/// before the first step (the loader touches the C library's data, so a fault handler runs then already).</param>
/// <param name="Action">The step as a call (<c>p = malloc(1 B)</c>), or <c>start the processes</c> for step 0.</param>
/// <param name="Line">The step's line in the scenario file, or 0 for step 0.</param>
/// <param name="LastEvent">The sequence number of the machine's last event before the exception.</param>
/// <param name="Exception">What was thrown.</param>
public sealed record ScenarioFailure(int StepIndex, string Action, int Line, long LastEvent, Exception Exception);
