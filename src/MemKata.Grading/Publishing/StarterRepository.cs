using MemKata.Grading.Layout;

namespace MemKata.Grading.Publishing;

/// <summary>
/// <c>memkata publish</c>: writes the repository a learner receives: every exercise without its <c>.meta/</c> but with
/// the learner's copy of its manifest (<see cref="LearnerExerciseConfig"/>), the build settings, a solution, a README,
/// a CI workflow that runs the public tests, and <c>memkata</c> itself compiled (<see cref="PrebuiltTool"/>): the
/// exercises build against its assemblies (<see cref="LearnerProjectFile"/>), and learners run it for
/// <c>memkata scenario compare</c> (its instructor commands refuse to run without <c>graders/</c>), with the reference
/// solution's numbers on an allocator exercise's traces (<see cref="ReferenceTraceTable"/>, measured now). No source of
/// MemKata's own projects is shipped, so no reference component travels as source. Graders, snapshots, reference
/// solutions and test data are never copied; the result is scanned for them before it is reported done.
/// </summary>
public static class StarterRepository
{
    /// <summary>Files at the repository's root that a build needs.</summary>
    public static readonly string[] RootFiles =
        ["Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig", ".gitattributes", ".gitignore", "LICENSE"];

    /// <summary>Folders of documentation learners' messages point to (the analyzers' "See docs/rules/MK0001.md"),
    /// copied whole.</summary>
    public static readonly string[] LearnerDocs = ["docs/rules"];

    /// <summary>The built-in scenario the README's compare commands use: every component takes part in it.</summary>
    public const string CompareExampleScenario = "05-full-machine-kswapd-then-direct-reclaim";

    /// <summary>The README's command that compares exercise <paramref name="slug"/> with the reference, run from the
    /// starter repository's root.</summary>
    public static string CompareCommand(string slug) =>
        $"dotnet {PrebuiltTool.EntryAssembly} scenario compare {CompareExampleScenario} --exercise exercises/{slug}";

    /// <summary>Path parts that must never appear in a published repository.</summary>
    public static readonly string[] Forbidden = [".meta", "graders", "__snapshots__", "testdata", "Example.cs", "bin", "obj"];

    /// <summary>What was published.</summary>
    /// <param name="Exercises">The exercise slugs.</param>
    /// <param name="ToolFiles">How many files of the compiled <c>memkata</c> were shipped.</param>
    /// <param name="Files">Every file written, relative to the output folder.</param>
    public sealed record Result(IReadOnlyList<string> Exercises, int ToolFiles, IReadOnlyList<string> Files);

    /// <summary>Publishes <paramref name="repositoryRoot"/> into <paramref name="outputDirectory"/>, which must be empty
    /// or missing, with the compiled <c>memkata</c> found in <paramref name="toolDirectory"/> (the folder of the running
    /// <c>memkata</c>): every exercise, or only <paramref name="onlyExercise"/> (one exercise handed out at a time).
    /// Throws <see cref="GradingInputException"/> when the output is not empty, when there is no such exercise, or when
    /// <paramref name="toolDirectory"/> is not a built <c>memkata</c>.</summary>
    public static Result Publish(string repositoryRoot, string outputDirectory, string toolDirectory, string? onlyExercise = null)
    {
        var output = Path.GetFullPath(outputDirectory);
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
        {
            throw new GradingInputException($"{output} is not empty: publish into a new folder, so that nothing old is mixed in.");
        }

        var exercisesRoot = Path.Combine(repositoryRoot, "exercises");
        var exercises = Directory.Exists(exercisesRoot)
            ? Directory.GetDirectories(exercisesRoot).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];
        if (exercises.Count == 0)
        {
            throw new GradingInputException($"nothing to publish: {exercisesRoot} holds no exercise.");
        }

        if (onlyExercise is { } only)
        {
            exercises = exercises.Contains(only, StringComparer.Ordinal)
                ? [only]
                : throw new GradingInputException($"no exercise '{only}' to publish: exercises are {string.Join(", ", exercises)}.");
        }

        var written = new List<string>();
        foreach (var file in RootFiles.Where(f => File.Exists(Path.Combine(repositoryRoot, f))))
        {
            Copy(repositoryRoot, file, output, written);
        }

        foreach (var folder in LearnerDocs.Where(f => Directory.Exists(Path.Combine(repositoryRoot, f))))
        {
            CopyTree(repositoryRoot, folder, output, written, _ => true);
        }

        var toolFiles = PrebuiltTool.Files(toolDirectory);
        foreach (var slug in exercises)
        {
            var folder = Path.Combine("exercises", slug);
            CopyTree(repositoryRoot, folder, output, written,
                file => !file.EndsWith(".csproj", StringComparison.Ordinal) && Path.GetFileName(file) != ReferenceTraceTable.FileName);
            foreach (var project in Directory.GetFiles(Path.Combine(repositoryRoot, folder), "*.csproj").Order(StringComparer.Ordinal))
            {
                var learnerProject = LearnerProjectFile.Rewrite(File.ReadAllText(project), "../../");
                Write(output, Path.GetRelativePath(repositoryRoot, project), learnerProject, written);
            }

            var config = Path.Combine(repositoryRoot, "exercises", slug, ".meta", "config.json");
            if (File.Exists(config))
            {
                var learnerConfig = LearnerExerciseConfig.ToJson(ExerciseLayout.Read<ExerciseConfig>(config));
                Write(output, Path.Combine("exercises", slug, LearnerExerciseConfig.FileName), learnerConfig, written);
                if (ReferenceTraceTable.Measure(ExerciseLayout.FromExerciseDirectory(Path.Combine(repositoryRoot, folder))) is { } table)
                {
                    Write(output, Path.GetRelativePath(repositoryRoot, ReferenceTraceTable.PathIn(Path.Combine(repositoryRoot, folder))), table, written);
                }
            }
        }

        foreach (var file in toolFiles)
        {
            CopyFile(Path.Combine(toolDirectory, file), Path.Combine(PrebuiltTool.Folder, file), output, written);
        }

        Write(output, Path.Combine(PrebuiltTool.Folder, PrebuiltTool.StarterMarker), PrebuiltTool.StarterMarkerText, written);

        var analyzerTargets = Path.Combine(repositoryRoot, PrebuiltTool.AnalyzerTargetsSource);
        if (File.Exists(analyzerTargets))
        {
            CopyFile(analyzerTargets, PrebuiltTool.AnalyzerTargets, output, written);
        }

        Write(output, "MemKata.sln", Solution(output), written);
        Write(output, "README.md", Readme(exercises), written);
        Write(output, Path.Combine(".github", "workflows", "tests.yml"), Workflow(exercises), written);
        StarterLinks.Fix(repositoryRoot, output, written);

        // Source code ships only where learners write theirs: nothing of MemKata's own projects.
        var leaked = written.Where(f => IsForbidden(f) || (f.EndsWith(".cs", StringComparison.Ordinal) && !f.StartsWith("exercises/", StringComparison.Ordinal))).ToList();
        if (leaked.Count > 0)
        {
            throw new InvalidOperationException($"publish would leak hidden files: {string.Join(", ", leaked)}. This is a bug in memkata.");
        }

        return new Result(exercises, toolFiles.Count, written);
    }

    /// <summary>True if <paramref name="relativePath"/> names something a learner must not receive.</summary>
    public static bool IsForbidden(string relativePath) =>
        relativePath.Replace('\\', '/').Split('/').Any(part => Forbidden.Contains(part, StringComparer.Ordinal));

    private static void CopyTree(string root, string folder, string output, List<string> written, Func<string, bool> include)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file);
            if (!IsForbidden(relative) && include(relative))
            {
                Copy(root, relative, output, written);
            }
        }
    }

    private static void CopyFile(string source, string relative, string output, List<string> written)
    {
        var target = Path.Combine(output, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target);
        written.Add(relative.Replace('\\', '/'));
    }

    private static void Copy(string root, string relative, string output, List<string> written)
    {
        var target = Path.Combine(output, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(root, relative), target);
        written.Add(relative.Replace('\\', '/'));
    }

    private static void Write(string output, string relative, string text, List<string> written)
    {
        var target = Path.Combine(output, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, text.ReplaceLineEndings("\n"));
        written.Add(relative.Replace('\\', '/'));
    }

    private static string Solution(string output) =>
        SolutionFile.Write(Directory.GetFiles(Path.Combine(output, "exercises"), "*.csproj", SearchOption.AllDirectories)
            .Select(project => Path.GetRelativePath(output, project)));

    private static string Readme(IReadOnlyList<string> exercises) => Exercises(exercises) + CheckSection(exercises) + CompareSection(exercises);

    /// <summary>The README's command that runs exercise <paramref name="slug"/>'s public tests on every save, run from the
    /// starter repository's root.</summary>
    public static string CheckCommand(string slug) => $"dotnet {PrebuiltTool.EntryAssembly} check exercises/{slug} --watch";

    private static string CheckSection(IReadOnlyList<string> exercises) =>
        "\n## Check in seconds, on every save\n\n" +
        "`memkata check` runs the same public tests without building: your file is compiled as the grader compiles it " +
        "(with its analyzers), the tests run in the grader's sandbox, and the result is shown task by task, each failing " +
        "test with the first line of its message. With `--watch` it runs again every time you save, about a second " +
        "later; Ctrl-C stops it. From the repository's root:\n\n```sh\n" +
        string.Concat(exercises.Select(slug => CheckCommand(slug) + "\n")) +
        "```\n\nExit code 0: every public test passes; 1: some do not, or your code does not compile (the compiler's " +
        "`FILE:LINE:COL: error` lines come first); 2: a wrong option or folder. `check --help` says more.\n";

    private static string CompareSection(IReadOnlyList<string> exercises) =>
        "\n## Compare with the reference\n\n" +
        "`memkata` (compiled, in `memkata/`) runs a scenario of the simulated machine with the reference's components, " +
        "then with yours in place, and shows the two event logs side by side with the first difference. From the " +
        "repository's root:" +
        "\n\n```sh\ndotnet memkata/memkata.dll scenario list\n" +
        string.Concat(exercises.Select(slug => CompareCommand(slug) + "\n")) +
        "```\n\nFrom an exercise's folder, `--exercise` is that folder: " +
        $"`dotnet ../../memkata/memkata.dll scenario compare {CompareExampleScenario}`. Exit code 0: the " +
        "runs are identical; 1: they differ, or your run stopped (an exception, or a task not done yet, named); " +
        "2: your code does not compile, or an option is wrong. `scenario compare --help` says more; each exercise's " +
        "`.docs/hints.md` says what a difference means there. `memkata grade`, `snapshots` and `publish` are for " +
        "instructors and do not run here.\n";

    private static string Exercises(IReadOnlyList<string> exercises) =>
        "# MemKata exercises\n\n" +
        "Each folder of `exercises/` is one exercise: read its `.docs/instructions.md`, write your code in the file it " +
        "names, and run its public tests:\n\n```sh\n" +
        string.Concat(exercises.Select(slug => $"dotnet test exercises/{slug}\n")) +
        "```\n\nEach test names its task (`[Task(2)]`): a failing test tells you which task to work on. Your " +
        "instructor grades your work with more tests than these, so make the behaviour right, not only the tests " +
        "green. `memkata/` holds the simulated machine your code runs in, compiled: the contracts you code against are " +
        "documented in your IDE (hover over `IProcessMemory`, `IAllocator` and the rest).\n";

    // A stub is unstarted work, not a broken build: the workflow fails on what does not build, and runs the public tests
    // to report them (each exercise's outcome in the job summary) without failing on them.
    private static string Workflow(IReadOnlyList<string> exercises) =>
        "# Builds every exercise and runs its public tests on each push. A build error fails the workflow; a public test\n" +
        "# that does not pass yet is work still to do, reported in the job summary, never a red cross.\n" +
        "name: public tests\n" +
        "on: [push, pull_request]\n" +
        "jobs:\n" +
        "  test:\n" +
        "    runs-on: ubuntu-latest\n" +
        "    steps:\n" +
        "      - uses: actions/checkout@v4\n" +
        "      - uses: actions/setup-dotnet@v4\n" +
        "        with:\n" +
        "          global-json-file: global.json\n" +
        string.Concat(exercises.Select(slug =>
            $"      - name: build {slug}\n        run: dotnet build exercises/{slug}\n" +
            $"      - name: public tests of {slug} (reported, not required)\n" +
            "        run: |\n" +
            $"          if dotnet test exercises/{slug} --no-build; then verdict='every public test passes'; else verdict='some public tests do not pass yet (see the log above)'; fi\n" +
            $"          echo \"- {slug}: $verdict\" >> \"$GITHUB_STEP_SUMMARY\"\n"));
}
