namespace MemKata.Grading.Worker.Protocol;

/// <summary>For <see cref="WorkerJobKinds.Replay"/>: a trace to replay with the learner's allocator in place of glibc's
/// (<c>memkata replay TRACE --exercise DIR</c>).</summary>
/// <param name="TraceText">The trace's text (a CS:APP <c>.rep</c>), already read through once by memkata, so that a
/// malformed line is reported there with its file and line and never reaches the worker.</param>
/// <param name="TraceName">What messages call the trace.</param>
/// <param name="Component">The learner's allocator type, a public class in no namespace.</param>
/// <param name="LearnerImage">The learner's compiled assembly (PDB embedded).</param>
/// <param name="ShowHeap">The operation after which to send the heap's picture, or null for none.</param>
/// <param name="RecordSyscalls">Whether each operation's record lists its system calls (the readable account needs
/// them; the chunks format does not).</param>
/// <param name="HeapFrames">Whether to send the heap's picture after each operation an illustrated report draws
/// (<c>HeapFrameSampler</c>: the HTML page of <c>replay --exercise</c>), besides <paramref name="ShowHeap"/>'s.</param>
public sealed record ReplayRequest(
    string TraceText, string TraceName, string Component, byte[] LearnerImage, int? ShowHeap, bool RecordSyscalls, bool HeapFrames = false);
