using System.Runtime.CompilerServices;

namespace MemKata.Tests.Shared;

/// <summary>
/// The fake repository of tests/testdata/counter: a one-exercise MemKata repository (the "counter" exercise, its stub,
/// reference, public tests and hidden grader) and its sample submissions, each with the expected.json it must get.
/// Small and fast to grade, it is what the grading library's and the CLI's tests grade; read in place, never copied to
/// bin/ (a test that writes into it works on <see cref="Copy"/>).
/// </summary>
internal static class CounterRepository
{
    /// <summary>tests/testdata/counter: the fake repository and its submissions.</summary>
    private static string Folder { get; } = Path.GetFullPath(Path.Combine(SharedDirectory(), "..", "testdata", "counter"));

    /// <summary>The fake repository's root (it holds exercises/counter and graders/counter).</summary>
    public static string Root => Path.Combine(Folder, "repo");

    /// <summary>The counter exercise's sample submissions, one folder each with an expected.json.</summary>
    public static string Submissions => Path.Combine(Folder, "submissions");

    /// <summary>The sample submission folder <paramref name="name"/>.</summary>
    public static string Submission(string name) => Path.Combine(Submissions, name);

    /// <summary>A throwaway copy of the fake repository in a new temporary folder, for tests that write into it
    /// (snapshots, publish); the caller deletes it.</summary>
    public static string Copy()
    {
        var target = Path.Combine(Path.GetTempPath(), $"memkata-repo-{Guid.NewGuid():N}");
        foreach (var file in Directory.GetFiles(Root, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    private static string SharedDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
