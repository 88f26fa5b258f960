using System.Runtime.CompilerServices;
using MemKata.Tests.Shared;

namespace MemKata.Cli.Tests.Support;

/// <summary>The repository these tests are in, and a throwaway submission folder for the compare tests.</summary>
internal static class Repository
{
    /// <summary>The repository's root folder.</summary>
    public static string Root => Path.GetFullPath(Path.Combine(SupportDirectory(), "..", "..", ".."));

    /// <summary><c>exercises/SLUG</c>.</summary>
    public static string Exercise(string slug) => Path.Combine(Root, "exercises", slug);

    /// <summary><c>tests/testdata/submissions/SLUG/NAME</c>, its patches applied (<see cref="SampleSubmission"/>).</summary>
    public static string Sample(string slug, string name) =>
        SampleSubmission.Materialize(Path.Combine(Root, "tests", "testdata", "submissions", slug, name));

    private static string SupportDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
