namespace MemKata.Grading.Sandbox;

/// <summary>A fresh <see cref="PrivateTemp"/> folder for one job's compiled assemblies (the learner's image and the
/// hidden suite), outside the repository; a test job's sandbox sees it read-only. Disposing it deletes it.</summary>
internal sealed class JobFolder : IDisposable
{
    /// <summary>Creates an empty job folder.</summary>
    public JobFolder() => Path = PrivateTemp.NewFolder("job");

    /// <summary>The folder on this machine.</summary>
    public string Path { get; }

    /// <summary>Writes <paramref name="bytes"/> as <paramref name="fileName"/> in the folder, readable by the sandbox.</summary>
    public void Write(string fileName, byte[] bytes)
    {
        var target = System.IO.Path.Combine(Path, fileName);
        File.WriteAllBytes(target, bytes);
        PrivateTemp.SetMode(target, directory: false);
    }

    /// <inheritdoc/>
    public void Dispose() => PrivateTemp.Delete(Path);
}
