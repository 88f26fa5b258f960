using System.Text.Json;

namespace MemKata.Grading.Sandbox;

/// <summary>
/// The worker's files: <c>MemKata.Grading.Worker.dll</c>, its <c>deps.json</c> and <c>runtimeconfig.json</c>, and every
/// assembly its <c>deps.json</c> lists, which the build puts next to the grader. A sandbox sees a copy of exactly those,
/// made once per process in a <see cref="PrivateTemp"/> folder, so it sees neither the repository nor the rest of the
/// grader's folder; an unsandboxed worker runs from the grader's folder.
/// </summary>
internal static class WorkerFiles
{
    /// <summary>The worker's entry assembly's file name.</summary>
    public const string EntryAssembly = "MemKata.Grading.Worker.dll";

    private static readonly Lazy<string> _copy = new(Copy);

    /// <summary>The grader's own folder, where the build put the worker.</summary>
    public static string Source => AppContext.BaseDirectory;

    /// <summary>The folder a sandbox binds: the copy, made on first use.</summary>
    public static string SandboxCopy => _copy.Value;

    /// <summary>The file names that make up the worker.</summary>
    public static IReadOnlyList<string> Names()
    {
        var deps = Path.Combine(Source, "MemKata.Grading.Worker.deps.json");
        if (!File.Exists(deps))
        {
            throw new InvalidOperationException($"{deps} is missing: the grader needs the worker next to it. Rebuild MemKata.Grading.");
        }

        using var json = JsonDocument.Parse(File.ReadAllText(deps));
        var assemblies = json.RootElement.GetProperty("targets").EnumerateObject()
            .SelectMany(target => target.Value.EnumerateObject())
            .SelectMany(library => library.Value.TryGetProperty("runtime", out var runtime) ? runtime.EnumerateObject().ToList() : [])
            .Select(asset => Path.GetFileName(asset.Name));
        return [.. assemblies.Concat([EntryAssembly, "MemKata.Grading.Worker.deps.json", "MemKata.Grading.Worker.runtimeconfig.json"])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    private static string Copy()
    {
        var folder = PrivateTemp.NewFolder("worker");
        foreach (var name in Names())
        {
            var target = Path.Combine(folder, name);
            File.Copy(Path.Combine(Source, name), target);
            PrivateTemp.SetMode(target, directory: false);
        }

        return folder;
    }
}
