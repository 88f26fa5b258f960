using System.IO.Compression;
using System.Text;
using MemKata.Grading.Layout;
using MemKata.Grading.Output;

namespace MemKata.Grading.Publishing;

/// <summary>
/// <c>memkata gradescope bundle SLUG</c>: the autograder zip Gradescope takes for one exercise (autograder/gradescope/
/// README.md). At the zip's root: <c>setup.sh</c> and <c>run_autograder</c> (mode 755), <c>SLUG</c> naming the
/// exercise, <c>README.md</c> (which image, memory and timeout to choose); beside them what <c>setup.sh</c> builds and
/// <c>run_autograder</c> grades with: the repository's build files, <c>src/</c>, <c>exercises/SLUG</c> (with its
/// <c>.meta/</c>), <c>graders/SLUG</c> and <c>graders/_shared</c>, and <c>autograder/gradescope</c>. No other exercise,
/// no tests, no build output (<c>bin/</c>, <c>obj/</c>), nothing hidden but the build's own dot-files, no link. Entries
/// are sorted and dated 2000-01-01, so the same repository gives the same zip, byte for byte. The hidden tests are in
/// it: it goes to Gradescope only, never to learners.
/// </summary>
public static class GradescopeBundle
{
    /// <summary>Root files of the repository that the build needs.</summary>
    public static readonly IReadOnlyList<string> RootFiles =
        ["MemKata.sln", "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig", ".gitattributes", ".gitignore"];

    private static readonly DateTimeOffset _stamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // S_IFREG | 0644 and S_IFREG | 0755, in the high half of a zip entry's external attributes (Unix "made by").
    private const int RegularFile = 0x81A4 << 16;
    private const int Executable = 0x81ED << 16;

    /// <summary>Writes the bundle of exercise <paramref name="slug"/> of <paramref name="repositoryRoot"/> to
    /// <paramref name="zipPath"/> (atomically); returns the entries written. Throws <see cref="GradingInputException"/>
    /// for an unknown exercise or a repository without the Gradescope scripts.</summary>
    public static IReadOnlyList<string> Write(string repositoryRoot, string slug, string zipPath)
    {
        var exercise = ExerciseLayout.Load(repositoryRoot, slug);
        var scripts = Path.Combine(repositoryRoot, "autograder", "gradescope");
        foreach (var script in new[] { "setup.sh", "run_autograder", "README.md" })
        {
            if (!File.Exists(Path.Combine(scripts, script)))
            {
                throw new GradingInputException($"{Path.Combine(scripts, script)} is missing: the bundle needs the Gradescope scripts of autograder/gradescope.");
            }
        }

        var entries = new SortedDictionary<string, (string Source, bool Executable)>(StringComparer.Ordinal);
        foreach (var file in RootFiles.Where(f => File.Exists(Path.Combine(repositoryRoot, f))))
        {
            entries[file] = (Path.Combine(repositoryRoot, file), false);
        }

        foreach (var folder in new[] { "src", "autograder/gradescope", $"exercises/{exercise.Slug}", $"graders/{exercise.Slug}", $"graders/{ExerciseLayout.SharedGraderFolder}" })
        {
            foreach (var file in Tree(repositoryRoot, folder))
            {
                entries[file] = (Path.Combine(repositoryRoot, file), file.EndsWith(".sh", StringComparison.Ordinal) || file.EndsWith("/run_autograder", StringComparison.Ordinal));
            }
        }

        entries["setup.sh"] = (Path.Combine(scripts, "setup.sh"), true);
        entries["run_autograder"] = (Path.Combine(scripts, "run_autograder"), true);
        entries["README.md"] = (Path.Combine(scripts, "README.md"), false);
        using (var stream = new MemoryStream())
        {
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            {
                Add(zip, "SLUG", Encoding.UTF8.GetBytes(exercise.Slug + "\n"), false);
                foreach (var (name, (source, executable)) in entries)
                {
                    Add(zip, name, File.ReadAllBytes(source), executable);
                }
            }

            AtomicFile.WriteBytes(zipPath, stream.ToArray());
        }

        return ["SLUG", .. entries.Keys];
    }

    private static void Add(ZipArchive zip, string name, byte[] bytes, bool executable)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = _stamp;
        entry.ExternalAttributes = executable ? Executable : RegularFile;
        using var stream = entry.Open();
        stream.Write(bytes);
    }

    // Regular files under FOLDER, as slash-separated paths from the root: no build output, no hidden folder, no link.
    private static IEnumerable<string> Tree(string root, string folder)
    {
        var start = Path.Combine(root, folder);
        if (!Directory.Exists(start))
        {
            return [];
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };
        return Directory.EnumerateFiles(start, "*", options)
            .Where(path => !ExerciseLayout.IsBuildOutput(start, path))
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(relative => !relative.Split('/').Any(part => part.StartsWith('.') && part != ".meta"));
    }
}
