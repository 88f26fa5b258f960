namespace MemKata.Grading.Worker.Protocol;

/// <summary>A file compiled into the hidden suite as a manifest resource (a committed snapshot).</summary>
/// <param name="Name">The resource's name, e.g. <c>__snapshots__/mixed-101.snap</c>.</param>
/// <param name="Content">Its bytes.</param>
public sealed record EmbeddedFile(string Name, byte[] Content);
