namespace MemKata.Cli.Tests.Support;

/// <summary>A scenario written to a temporary .yaml file for the duration of a test.</summary>
internal sealed class TempScenarioFile : IDisposable
{
    public TempScenarioFile(string yaml)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"memkata-test-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(Path, yaml);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
