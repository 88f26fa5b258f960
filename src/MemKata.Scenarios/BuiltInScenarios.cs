using System.Reflection;

namespace MemKata.Scenarios;

/// <summary>
/// The scenarios shipped with MemKata, one per claim of the article (heap growth, the mmap threshold, free, demand
/// paging, kswapd and direct reclaim, writeback, swap, the OOM killer, and the "malloc 8 GiB on 4 GiB" table). They are
/// YAML files embedded in the engine (Scenarios/BuiltIn), named by their file name without extension.
/// </summary>
public static class BuiltInScenarios
{
    private const string Prefix = "MemKata.Scenarios.";
    private const string Suffix = ".yaml";

    /// <summary>The names of the built-in scenarios, in tour order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        .. typeof(BuiltInScenarios).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^Suffix.Length])
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The YAML text of the scenario named <paramref name="name"/>.</summary>
    public static string Text(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Prefix + name + Suffix)
            ?? throw new ArgumentException($"no built-in scenario named '{name}' (built-ins: {string.Join(", ", Names)})", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The parsed scenario named <paramref name="name"/>.</summary>
    public static Scenario Load(string name) => ScenarioParser.Parse(Text(name), FileName(name));

    /// <summary>What messages call the built-in scenario <paramref name="name"/>'s file: <c>builtin:NAME.yaml</c>.</summary>
    public static string FileName(string name) => $"builtin:{name}{Suffix}";
}
