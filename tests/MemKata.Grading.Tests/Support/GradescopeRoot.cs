namespace MemKata.Grading.Tests.Support;

/// <summary>
/// A fake <c>/autograder</c> in a temp folder, laid out as Gradescope lays out the real one: <c>source/</c> holds the
/// bundle of autograder/gradescope/README.md (the repository's build inputs, with <c>setup.sh</c>,
/// <c>run_autograder</c> and <c>SLUG</c> at its root), <c>run_autograder</c> is copied to the root, and each grading gets
/// <c>submission/</c> and <c>results/</c>. The real scripts run with <c>MEMKATA_AUTOGRADER_ROOT</c> pointing here and
/// <c>MEMKATA_NO_SDK_INSTALL=1</c>: no root, no network, the <c>dotnet</c> on PATH.
/// </summary>
internal sealed class GradescopeRoot : IDisposable
{
    /// <summary>What the repository's <c>git archive</c> holds that the build needs: its root files and folders.</summary>
    private static readonly string[] _bundleFiles =
        ["MemKata.sln", "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig", ".gitattributes", ".gitignore"];

    private static readonly string[] _bundleFolders = ["src", "exercises", "graders", "autograder"];

    private static readonly TimeSpan _gradingLimit = TimeSpan.FromMinutes(5);

    private GradescopeRoot(string path) => Path = path;

    /// <summary>The fake <c>/autograder</c>.</summary>
    public string Path { get; }

    /// <summary>The unpacked bundle, <c>/autograder/source</c>.</summary>
    public string Source => System.IO.Path.Combine(Path, "source");

    /// <summary>Lays out a root whose bundle grades exercise <paramref name="slug"/> of <paramref name="repository"/>.</summary>
    public static GradescopeRoot Create(string repository, string slug)
    {
        var root = new GradescopeRoot(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"memkata-gradescope-{Guid.NewGuid():N}"));
        foreach (var file in _bundleFiles.Where(f => File.Exists(System.IO.Path.Combine(repository, f))))
        {
            Copy(System.IO.Path.Combine(repository, file), System.IO.Path.Combine(root.Source, file));
        }

        foreach (var folder in _bundleFolders)
        {
            CopyTree(System.IO.Path.Combine(repository, folder), System.IO.Path.Combine(root.Source, folder));
        }

        // The README's zip: setup.sh, run_autograder and SLUG at the zip's root; Gradescope copies run_autograder up.
        var scripts = System.IO.Path.Combine(repository, "autograder", "gradescope");
        Copy(System.IO.Path.Combine(scripts, "setup.sh"), System.IO.Path.Combine(root.Source, "setup.sh"));
        Copy(System.IO.Path.Combine(scripts, "run_autograder"), System.IO.Path.Combine(root.Source, "run_autograder"));
        File.WriteAllText(System.IO.Path.Combine(root.Source, "SLUG"), slug + "\n");
        Copy(System.IO.Path.Combine(scripts, "run_autograder"), System.IO.Path.Combine(root.Path, "run_autograder"));
        return root;
    }

    /// <summary>Runs <c>source/setup.sh</c> as Gradescope does when it builds the image.</summary>
    public ScriptRun Setup(TimeSpan limit) =>
        ScriptRun.Bash(System.IO.Path.Combine(Source, "setup.sh"), Source, Environment(Path), limit);

    /// <summary>Grades <paramref name="files"/> (name → text) with <c>run_autograder</c>, as Gradescope does for one
    /// submission, in a root of its own that shares this one's bundle and build (so gradings may run side by side).
    /// Returns the run and <c>results/results.json</c> (null if it was not written).</summary>
    public (ScriptRun Run, string? Results) Grade(string name, IReadOnlyDictionary<string, string> files)
    {
        var grading = System.IO.Path.Combine(Path, "gradings", name);
        Directory.CreateDirectory(System.IO.Path.Combine(grading, "submission"));
        Directory.CreateSymbolicLink(System.IO.Path.Combine(grading, "source"), Source);
        Directory.CreateSymbolicLink(System.IO.Path.Combine(grading, "memkata"), System.IO.Path.Combine(Path, "memkata"));
        foreach (var (file, text) in files)
        {
            File.WriteAllText(System.IO.Path.Combine(grading, "submission", file), text);
        }

        var run = ScriptRun.Execute(System.IO.Path.Combine(Path, "run_autograder"), grading, Environment(grading), _gradingLimit);
        var results = System.IO.Path.Combine(grading, "results", "results.json");
        return (run, File.Exists(results) ? File.ReadAllText(results) : null);
    }

    /// <summary>Deletes the root.</summary>
    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    /// <summary>The variables that point the scripts at <paramref name="root"/> instead of <c>/autograder</c>.</summary>
    public static Dictionary<string, string> Environment(string root) => new(StringComparer.Ordinal)
    {
        ["MEMKATA_AUTOGRADER_ROOT"] = root,
        ["MEMKATA_NO_SDK_INSTALL"] = "1",
    };

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(from, file).Replace('\\', '/');
            if (!relative.Split('/').Any(part => part is "bin" or "obj"))
            {
                Copy(file, System.IO.Path.Combine(to, relative));
            }
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(to)!);
        File.Copy(from, to);
    }
}
