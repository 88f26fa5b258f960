namespace MemKata.Grading.Sandbox;

/// <summary>A fresh <see cref="PrivateTemp"/> folder for one job's compiled assemblies (the learner's image and the
/// hidden suite), outside the repository; a test job's sandbox sees it read-only. Disposing it deletes it.</summary>
internal sealed class JobFolder : IDisposable
{
    /// <summary>The learner's image's file name in a job folder (the suite references the assembly by this name).</summary>
    public const string LearnerImageFile = "MemKata.Submission.dll";

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

    /// <summary>Copies the file <paramref name="source"/> to <paramref name="relativePath"/> (<c>/</c>-separated, inside
    /// the folder) in the folder, making its folders, all readable by the sandbox.</summary>
    public void Copy(string source, string relativePath)
    {
        var target = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relativePath));
        if (!target.StartsWith(Path + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{relativePath} is not inside the job folder.", nameof(relativePath));
        }

        var folder = Path;
        foreach (var part in relativePath.Split('/')[..^1])
        {
            folder = System.IO.Path.Combine(folder, part);
            if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
                PrivateTemp.SetMode(folder, directory: true);
            }
        }

        File.Copy(source, target);
        PrivateTemp.SetMode(target, directory: false);
    }

    /// <inheritdoc/>
    public void Dispose() => PrivateTemp.Delete(Path);
}
