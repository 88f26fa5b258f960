using System.Runtime.CompilerServices;
using MemKata.Tests.Shared;

namespace MemKata.Grading.Tests.Support;

/// <summary>Where the test data lives: read in place from the source tree (graders write snapshots next to their
/// sources, so the data is not copied to bin/).</summary>
internal static class TestData
{
    public static string Root { get; } = Path.Combine(ProjectDirectory(), "testdata");

    /// <summary>The fake repository with the counter exercise and grader (tests/testdata/counter/repo).</summary>
    public static string FakeRepository => CounterRepository.Root;

    /// <summary>The counter exercise's sample submissions, one folder each with an expected.json.</summary>
    public static string CounterSubmissions => CounterRepository.Submissions;

    /// <summary>The real repository (the worktree this test project sits in).</summary>
    public static string RealRepository => Path.GetFullPath(Path.Combine(ProjectDirectory(), "..", ".."));

    private static string ProjectDirectory([CallerFilePath] string path = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(path))!;
}
