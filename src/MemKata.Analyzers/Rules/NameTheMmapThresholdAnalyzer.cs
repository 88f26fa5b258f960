using System.Collections.Immutable;
using MemKata.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemKata.Analyzers.Rules;

/// <summary>MK0014 (suggestion): glibc's mmap threshold, 128 KiB, written as a bare number.</summary>
/// <remarks>Reported on an outermost number expression whose value is 131072 (<c>131072</c>, <c>0x20000</c>,
/// <c>128 * 1024</c>, <c>1 &lt;&lt; 17</c>) outside a naming context; see <see cref="MagicNumbers"/>.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NameTheMmapThresholdAnalyzer : DiagnosticAnalyzer
{
    private const ulong MmapThreshold = 128 * 1024;

    private static readonly DiagnosticDescriptor Rule = Descriptors.Create(
        RuleIdentifiers.NameTheMmapThreshold,
        "Name the mmap threshold",
        "'{0}' is the mmap threshold (128 KiB) written as a bare number. Give it a name (const ulong MmapThreshold = "
        + "128 * 1024), as glibc does with M_MMAP_THRESHOLD: it is a tunable, and glibc even raises it at run time.",
        RuleCategories.Teaching,
        DiagnosticSeverity.Info,
        "Requests from the threshold up get their own mmap instead of heap space. Naming the number says why a branch "
        + "exists and lets you change the policy in one place.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(Analyze, MagicNumbers.Kinds);
    }

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        if (MagicNumbers.OutermostValue(context.Node, context.SemanticModel, context.CancellationToken) == MmapThreshold
            && LearnerCode.IsLearnerCode(context.Options, context.Node.SyntaxTree))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, context.Node.GetLocation(), context.Node.ToString()));
        }
    }
}
