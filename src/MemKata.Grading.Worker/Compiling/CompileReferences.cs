using Microsoft.CodeAnalysis;

namespace MemKata.Grading.Worker.Compiling;

/// <summary>What the two compilations reference. Learner code sees the .NET libraries and <c>MemKata.Contracts</c>
/// only (the convention in docs/EXERCISES.md, enforced by the compiler); hidden tests also see the engine, the
/// oracle's trace generator, the scenarios, NUnit and the snapshot and diff libraries. The implementation assemblies are
/// taken from the worker's own folder, so what a suite compiles against is exactly what the test job loads. Built once
/// per process and shared.</summary>
internal static class CompileReferences
{
    /// <summary>Assemblies learner code may use beside the .NET libraries.</summary>
    public static readonly string[] LearnerAssemblies = ["MemKata.Contracts"];

    /// <summary>Assemblies hidden tests may use beside the .NET libraries and the submission.</summary>
    public static readonly string[] GraderAssemblies =
    [
        "MemKata.Contracts", "MemKata.Engine", "MemKata.Oracle", "MemKata.Scenarios", "MemKata.Testing", "nunit.framework", "nunit.framework.legacy",
        "DiffPlex", "Snapshooter", "Snapshooter.NUnit", "Newtonsoft.Json",
    ];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> _framework = new(() =>
        [.. Basic.Reference.Assemblies.Net100.References.All]);

    private static readonly Lazy<IReadOnlyList<MetadataReference>> _learner = new(() => Load(LearnerAssemblies));
    private static readonly Lazy<IReadOnlyList<MetadataReference>> _grader = new(() => Load(GraderAssemblies));

    /// <summary>References for the learner's assembly.</summary>
    public static IEnumerable<MetadataReference> ForLearner => _framework.Value.Concat(_learner.Value);

    /// <summary>References for the hidden suite's assembly (the submission's own reference is added by the caller).</summary>
    public static IEnumerable<MetadataReference> ForGrader => _framework.Value.Concat(_grader.Value);

    private static List<MetadataReference> Load(IEnumerable<string> names) =>
    [
        .. names.Select(name =>
        {
            var path = Path.Combine(AppContext.BaseDirectory, name + ".dll");
            return File.Exists(path)
                ? (MetadataReference)MetadataReference.CreateFromFile(path)
                : throw new InvalidOperationException(
                    $"{path} is missing: the worker needs its libraries next to it. Rebuild MemKata.Grading.");
        }),
    ];
}
