namespace MemKata.Cli.Tests.Support;

/// <summary>A submission folder holding one file (in a subfolder if its name says so), deleted after the test.</summary>
internal sealed class SubmissionFolder : IDisposable
{
    public SubmissionFolder(string fileName, string text)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"memkata-compare-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
        var file = System.IO.Path.Combine(Path, fileName);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
