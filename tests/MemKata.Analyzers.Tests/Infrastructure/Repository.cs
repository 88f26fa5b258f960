namespace MemKata.Analyzers.Tests.Infrastructure;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class Repository
{
    /// <summary>The folder holding MemKata.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MemKata.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MemKata.sln not found above " + AppContext.BaseDirectory);
    }
}
