namespace MemKata.Grading.Worker.Protocol;

/// <summary>A snapshot recorded by a test of a record job.</summary>
/// <param name="FileName">The snapshot's file name in <c>graders/&lt;slug&gt;/__snapshots__</c>.</param>
/// <param name="Text">Its text, without byte order mark.</param>
public sealed record RecordedSnapshot(string FileName, string Text);
