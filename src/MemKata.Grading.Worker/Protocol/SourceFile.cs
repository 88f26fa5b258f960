namespace MemKata.Grading.Worker.Protocol;

/// <summary>A C# source file sent to a compile job.</summary>
/// <param name="Path">Its name as compiler messages and stack traces show it: the learner's declared path
/// (<c>Allocator.cs</c>), or a hidden source's path relative to <c>graders/</c>.</param>
/// <param name="Text">Its text.</param>
public sealed record SourceFile(string Path, string Text);
