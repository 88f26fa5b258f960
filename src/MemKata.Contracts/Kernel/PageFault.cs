namespace MemKata.Contracts.Kernel;

/// <summary>One page fault as the CPU reports it to the kernel: who faulted, where, doing what.</summary>
/// <param name="Pid">The faulting process.</param>
/// <param name="Address">The exact faulting address.</param>
/// <param name="PageAddress">The faulting address rounded down to its page.</param>
/// <param name="Access">Read or write.</param>
public readonly record struct PageFault(int Pid, ulong Address, ulong PageAddress, AccessKind Access);
