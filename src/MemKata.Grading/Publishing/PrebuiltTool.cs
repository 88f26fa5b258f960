using System.Text.Json;

namespace MemKata.Grading.Publishing;

/// <summary>
/// The compiled <c>memkata</c> a starter repository ships in place of MemKata's source: the files of a built
/// <c>memkata</c> folder that its own dependency manifest (<c>memkata.deps.json</c>) names, with the grading worker's
/// manifests and the MemKata assemblies' documentation files. The exercises build against these assemblies
/// (<see cref="LearnerProjectFile"/>), so the reference components (glibc's malloc in the engine, the reference fault
/// handler and reclaim policy) reach learners compiled, never as source. Debug symbols are left out.
/// </summary>
public static class PrebuiltTool
{
    /// <summary>The starter's folder that holds the compiled tool, relative to its root.</summary>
    public const string Folder = "memkata";

    /// <summary>The tool's entry assembly, relative to the starter's root: <c>dotnet memkata/memkata.dll ...</c>.</summary>
    public const string EntryAssembly = Folder + "/memkata.dll";

    /// <summary>Where the analyzers' MSBuild file goes in the starter, relative to its root.</summary>
    public const string AnalyzerTargets = Folder + "/build/MemKata.Analyzers.targets";

    /// <summary>The analyzers' MSBuild file in the MemKata repository, relative to its root.</summary>
    public const string AnalyzerTargetsSource = "src/MemKata.Analyzers/build/MemKata.Analyzers.targets";

    /// <summary>The file <c>publish</c> writes beside the starter's compiled tool: it tells memkata it runs in a learner's
    /// starter, where the instructors' commands cannot work, so its <c>--help</c> leaves them out.</summary>
    public const string StarterMarker = "starter.txt";

    /// <summary>What <see cref="StarterMarker"/> says to whoever opens it.</summary>
    public const string StarterMarkerText =
        "This memkata was published into a learner's starter repository (memkata publish): it has no hidden graders, so\n" +
        "grade, snapshots, graders, publish and gradescope are left out of its --help and refuse in one line.\n";

    private const string Manifest = "memkata.deps.json";

    // Launched by memkata as a separate program, so its manifests travel with it.
    private static readonly string[] WorkerFiles = ["MemKata.Grading.Worker.deps.json", "MemKata.Grading.Worker.runtimeconfig.json"];

    /// <summary>True when the memkata in <paramref name="toolDirectory"/> (its assemblies' folder) is a starter's.</summary>
    public static bool IsStarter(string toolDirectory) => File.Exists(Path.Combine(toolDirectory, StarterMarker));

    /// <summary>The file names (no folders) of <paramref name="toolDirectory"/> that make up the tool, in ordinal
    /// order. Throws <see cref="GradingInputException"/> when the folder is not a built <c>memkata</c> or misses a
    /// file its manifest names.</summary>
    public static IReadOnlyList<string> Files(string toolDirectory)
    {
        var manifest = Path.Combine(toolDirectory, Manifest);
        if (!File.Exists(manifest))
        {
            throw new GradingInputException(
                $"{toolDirectory} holds no {Manifest}: publish ships the memkata it runs from, so run a built memkata.");
        }

        var names = new SortedSet<string>(StringComparer.Ordinal) { Manifest, "memkata.runtimeconfig.json" };
        names.UnionWith(WorkerFiles);
        using (var document = JsonDocument.Parse(File.ReadAllText(manifest)))
        {
            foreach (var target in document.RootElement.GetProperty("targets").EnumerateObject())
            {
                foreach (var library in target.Value.EnumerateObject())
                {
                    if (library.Value.TryGetProperty("runtime", out var runtime))
                    {
                        names.UnionWith(runtime.EnumerateObject().Select(file => Path.GetFileName(file.Name)));
                    }
                }
            }
        }

        // The contract comments, so an IDE shows them on the compiled assemblies.
        names.UnionWith(names.Where(IsMemKataAssembly).Select(name => Path.ChangeExtension(name, ".xml"))
            .Where(doc => File.Exists(Path.Combine(toolDirectory, doc))).ToList());

        var missing = names.Where(name => !File.Exists(Path.Combine(toolDirectory, name))).ToList();
        if (missing.Count > 0)
        {
            throw new GradingInputException($"{toolDirectory} misses {string.Join(", ", missing)}: rebuild memkata, then publish again.");
        }

        return [.. names];
    }

    private static bool IsMemKataAssembly(string name) =>
        name.EndsWith(".dll", StringComparison.Ordinal) &&
        (name.StartsWith("MemKata.", StringComparison.Ordinal) || name == "memkata.dll");
}
