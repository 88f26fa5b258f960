using System.Xml.Linq;
using MemKata.Grading.Layout;

namespace MemKata.Grading.Publishing;

/// <summary>
/// <c>memkata publish</c>: writes the repository a learner receives: every exercise without its <c>.meta/</c> but with
/// the learner's copy of its manifest (<see cref="LearnerExerciseConfig"/>), the <c>src/</c> projects the exercises and
/// the <c>memkata</c> program reference (followed transitively, so a learner can run <c>memkata scenario compare</c>;
/// its instructor commands refuse to run without <c>graders/</c>), the build settings they need, a solution, a README and
/// a CI workflow that runs the public tests. Graders, snapshots, reference solutions and test data are never copied;
/// the result is scanned for them before it is reported done.
/// </summary>
public static class StarterRepository
{
    /// <summary>Files at the repository's root that a build needs.</summary>
    public static readonly string[] RootFiles =
        ["Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig", ".gitattributes", ".gitignore"];

    /// <summary>The <c>memkata</c> program, shipped for <c>scenario compare</c>, <c>scenario run</c> and the tour.</summary>
    public const string ToolProject = "src/MemKata.Cli/MemKata.Cli.csproj";

    /// <summary>The built-in scenario the README's compare commands use: every component takes part in it.</summary>
    public const string CompareExampleScenario = "05-full-machine-kswapd-then-direct-reclaim";

    /// <summary>The README's command that compares exercise <paramref name="slug"/> with the reference, run from the
    /// starter repository's root.</summary>
    public static string CompareCommand(string slug) =>
        $"dotnet run --project src/MemKata.Cli -- scenario compare {CompareExampleScenario} --exercise exercises/{slug}";

    /// <summary>Path parts that must never appear in a published repository.</summary>
    public static readonly string[] Forbidden = [".meta", "graders", "__snapshots__", "testdata", "Example.cs", "bin", "obj"];

    /// <summary>What was published.</summary>
    /// <param name="Exercises">The exercise slugs.</param>
    /// <param name="Projects">The <c>src/</c> projects copied, as folder names.</param>
    /// <param name="Files">Every file written, relative to the output folder.</param>
    public sealed record Result(IReadOnlyList<string> Exercises, IReadOnlyList<string> Projects, IReadOnlyList<string> Files);

    /// <summary>Publishes <paramref name="repositoryRoot"/> into <paramref name="outputDirectory"/>, which must be empty
    /// or missing. Throws <see cref="GradingInputException"/> when it is not, or when there is no exercise.</summary>
    public static Result Publish(string repositoryRoot, string outputDirectory)
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

        var written = new List<string>();
        foreach (var file in RootFiles.Where(f => File.Exists(Path.Combine(repositoryRoot, f))))
        {
            Copy(repositoryRoot, file, output, written);
        }

        foreach (var slug in exercises)
        {
            CopyTree(repositoryRoot, Path.Combine("exercises", slug), output, written);
            var config = Path.Combine(repositoryRoot, "exercises", slug, ".meta", "config.json");
            if (File.Exists(config))
            {
                var learnerConfig = LearnerExerciseConfig.ToJson(ExerciseLayout.Read<ExerciseConfig>(config));
                Write(output, Path.Combine("exercises", slug, LearnerExerciseConfig.FileName), learnerConfig, written);
            }
        }

        var projects = ReferencedProjects(repositoryRoot, exercises);
        foreach (var project in projects)
        {
            CopyTree(repositoryRoot, Path.GetDirectoryName(project)!, output, written);
        }

        var projectFolders = projects.Select(p => Path.GetFileName(Path.GetDirectoryName(p)!)).ToList();
        Write(output, "MemKata.sln", Solution(output), written);
        Write(output, "README.md", Readme(exercises, File.Exists(Path.Combine(output, ToolProject))), written);
        Write(output, Path.Combine(".github", "workflows", "tests.yml"), Workflow(exercises), written);

        var leaked = written.Where(IsForbidden).ToList();
        if (leaked.Count > 0)
        {
            throw new InvalidOperationException($"publish would leak hidden files: {string.Join(", ", leaked)}. This is a bug in memkata.");
        }

        return new Result(exercises, projectFolders, written);
    }

    /// <summary>True if <paramref name="relativePath"/> names something a learner must not receive.</summary>
    public static bool IsForbidden(string relativePath) =>
        relativePath.Replace('\\', '/').Split('/').Any(part => Forbidden.Contains(part, StringComparer.Ordinal));

    // The memkata program and the src/ projects it and the exercises reference, followed through their own references.
    private static List<string> ReferencedProjects(string root, IEnumerable<string> exercises)
    {
        var pending = new Stack<string>(exercises.SelectMany(slug =>
            Directory.GetFiles(Path.Combine(root, "exercises", slug), "*.csproj")));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<string>();
        var tool = Path.GetFullPath(Path.Combine(root, ToolProject));
        if (File.Exists(tool) && seen.Add(tool))
        {
            found.Add(Path.GetRelativePath(root, tool));
            pending.Push(tool);
        }

        while (pending.Count > 0)
        {
            var project = pending.Pop();
            foreach (var reference in XDocument.Load(project).Descendants("ProjectReference"))
            {
                var include = ((string?)reference.Attribute("Include") ?? "").Replace('\\', '/');
                var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include));
                if (File.Exists(path) && seen.Add(path))
                {
                    found.Add(Path.GetRelativePath(root, path));
                    pending.Push(path);
                }
            }
        }

        return [.. found.Order(StringComparer.Ordinal)];
    }

    private static void CopyTree(string root, string folder, string output, List<string> written)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file);
            if (!IsForbidden(relative))
            {
                Copy(root, relative, output, written);
            }
        }
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
        SolutionFile.Write(new[] { "exercises", "src" }
            .Select(group => Path.Combine(output, group))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.GetFiles(folder, "*.csproj", SearchOption.AllDirectories))
            .Select(project => Path.GetRelativePath(output, project)));

    private static string Readme(IReadOnlyList<string> exercises, bool withTool) =>
        Exercises(exercises) + (withTool ? CompareSection(exercises) : "");

    private static string CompareSection(IReadOnlyList<string> exercises) =>
        "\n## Compare with the reference\n\n" +
        "`memkata` (in `src/MemKata.Cli`) runs a scenario of the simulated machine with the reference's components, " +
        "then with yours in place, and shows the two event logs side by side with the first difference. From the " +
        "repository's root:" +
        "\n\n```sh\ndotnet run --project src/MemKata.Cli -- scenario list\n" +
        string.Concat(exercises.Select(slug => CompareCommand(slug) + "\n")) +
        "```\n\nFrom an exercise's folder, `--exercise` is that folder: " +
        $"`dotnet run --project ../../src/MemKata.Cli -- scenario compare {CompareExampleScenario}`. Exit code 0: the " +
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
        "green. `src/` holds the simulated process memory your code runs in; read it, do not change it.\n";

    private static string Workflow(IReadOnlyList<string> exercises) =>
        "# Runs the public tests of every exercise on each push.\n" +
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
            $"      - name: {slug}\n        run: dotnet test exercises/{slug}\n"));
}
