namespace MemKata.Grading.Tests.Support;

/// <summary>A throwaway copy of the fake repository, for tests that write into it (snapshots, publish).</summary>
internal static class FakeRepositoryCopy
{
    public static string Create()
    {
        var target = Path.Combine(Path.GetTempPath(), $"memkata-repo-{Guid.NewGuid():N}");
        foreach (var file in Directory.GetFiles(TestData.FakeRepository, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(TestData.FakeRepository, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }
}
