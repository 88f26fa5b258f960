using Microsoft.CodeAnalysis;

namespace MemKata.Analyzers.Internal;

/// <summary>Builds rule descriptors the same way for every rule.</summary>
internal static class Descriptors
{
    /// <summary>A rule that is on by default, with the documentation page <c>docs/rules/{id}.md</c> as its help.</summary>
    public static DiagnosticDescriptor Create(string id, string title, string messageFormat, string category,
        DiagnosticSeverity severity, string description) =>
        new(id, title, messageFormat, category, severity, isEnabledByDefault: true, description: description,
            helpLinkUri: HelpLink(id));

    /// <summary>Where a rule's page lives in the repository.</summary>
    public static string HelpLink(string id) => "docs/rules/" + id + ".md";
}
