namespace MemKata.Cli.Tests.Support;

/// <summary>A trace written to a temporary file for the duration of a test.</summary>
internal sealed class TraceFile : IDisposable
{
    public TraceFile(string text)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"memkata-test-{Guid.NewGuid():N}.rep");
        File.WriteAllText(Path, text);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
