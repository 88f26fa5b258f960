using MemKata.Contracts.Kernel;

namespace MemKata.Engine.Kernel;

/// <summary>
/// One page fault as the handler resolved it, for a learner to see what their handler did (<c>--show faults</c>): the
/// fault, the handler's answer, and the calls it made on <see cref="IFaultContext"/> in order, each with the method of
/// the handler that made it (<c>FirstTouchOfAnonymousMemory: AllocateFrame, ZeroFill, MapPage rw</c>). Only recorded
/// while someone listens (<see cref="Machine.FaultHandled"/>): finding the calling method walks the stack.
/// </summary>
/// <param name="Pid">The faulting process.</param>
/// <param name="Page">The faulting page's address.</param>
/// <param name="Access">The access that faulted.</param>
/// <param name="Calls">The handler's context calls, grouped by the handler method that made them:
/// <c>Method: Call, Call; Other: Call</c> (a method the stack does not show, e.g. inlined, is left out); empty when it
/// made none; null for the engine's own reference handler, whose calls are never recorded: how to get there is what
/// the exercise asks of the learner.</param>
/// <param name="Outcome">The handler's answer.</param>
public sealed record HandledFault(int Pid, ulong Page, AccessKind Access, string? Calls, FaultOutcome Outcome);
