using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemKata.Analyzers.Internal;

/// <summary>
/// Decides whether a source file is learner code, the only code MemKata's rules look at. The first answer found wins:
/// <list type="number">
/// <item>the file's own analyzer option <c>memkata_learner_code</c> (an <c>.editorconfig</c> section, or what the grader's
/// runner sets for each submitted file);</item>
/// <item>the file's <c>Compile</c> item metadata <c>MemKataLearnerCode</c>
/// (<c>build_metadata.Compile.MemKataLearnerCode</c>; <c>build/MemKata.Analyzers.targets</c> sets it to false on
/// <c>*Tests.cs</c> files);</item>
/// <item>a file under the project's <c>obj/</c> folder (<c>build_property.MemKataGeneratedDirectory</c>, set by the
/// targets file) is not learner code: the SDK generates it (assembly attributes, global usings, a test entry point);</item>
/// <item>the project's MSBuild property <c>MemKataLearnerCode</c> (<c>build_property.MemKataLearnerCode</c>; the targets
/// file defaults it to true in projects under an <c>exercises/</c> folder);</item>
/// <item>otherwise the file is not learner code: the engine, the graders and the tests are never analyzed by accident.</item>
/// </list>
/// Values are <c>true</c> or <c>false</c> (any case); anything else counts as unset.
/// </summary>
internal static class LearnerCode
{
    /// <summary>The per-file analyzer option (<c>.editorconfig</c> or the runner).</summary>
    public const string FileOptionKey = "memkata_learner_code";

    /// <summary>The per-file <c>Compile</c> item metadata, as MSBuild hands it to analyzers.</summary>
    public const string ItemMetadataKey = "build_metadata.Compile.MemKataLearnerCode";

    /// <summary>The project-wide MSBuild property, as MSBuild hands it to analyzers.</summary>
    public const string PropertyKey = "build_property.MemKataLearnerCode";

    /// <summary>The full path of the project's <c>obj/</c> folder, as MSBuild hands it to analyzers.</summary>
    public const string GeneratedDirectoryKey = "build_property.MemKataGeneratedDirectory";

    /// <summary>True if <paramref name="tree"/> is learner code under <paramref name="options"/>.</summary>
    public static bool IsLearnerCode(AnalyzerOptions options, SyntaxTree tree)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        var fileOptions = provider.GetOptions(tree);
        if (TryRead(fileOptions, FileOptionKey, out var value) || TryRead(fileOptions, ItemMetadataKey, out value))
        {
            return value;
        }

        if (IsGenerated(provider.GlobalOptions, tree.FilePath))
        {
            return false;
        }

        return (TryRead(fileOptions, PropertyKey, out value) || TryRead(provider.GlobalOptions, PropertyKey, out value)) && value;
    }

    private static bool IsGenerated(AnalyzerConfigOptions options, string path)
    {
        if (!options.TryGetValue(GeneratedDirectoryKey, out var directory) || string.IsNullOrWhiteSpace(directory))
        {
            return false;
        }

        var normalized = directory.Trim().Replace('\\', '/').TrimEnd('/') + "/";
        return path.Replace('\\', '/').StartsWith(normalized, System.StringComparison.Ordinal);
    }

    private static bool TryRead(AnalyzerConfigOptions options, string key, out bool value)
    {
        value = false;
        return options.TryGetValue(key, out var text) && bool.TryParse(text.Trim(), out value);
    }
}
