namespace MemKata.Cli.Tests.Support;

/// <summary>A submission folder holding one file, deleted after the test.</summary>
internal sealed class SubmissionFolder : IDisposable
{
    public SubmissionFolder(string fileName, string text)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"memkata-compare-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), text);
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
