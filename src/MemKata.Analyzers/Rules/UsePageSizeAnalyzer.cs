using System.Collections.Immutable;
using MemKata.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemKata.Analyzers.Rules;

/// <summary>MK0015 (suggestion): the page size, 4096, written as a bare number instead of <c>IProcessMemory.PageSize</c>.</summary>
/// <remarks>Reported on an outermost number expression whose value is 4096 (<c>4096</c>, <c>0x1000</c>,
/// <c>4 * 1024</c>, <c>1 &lt;&lt; 12</c>) or the page mask 4095 (<c>0xFFF</c>) outside a naming context; see
/// <see cref="MagicNumbers"/>.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UsePageSizeAnalyzer : DiagnosticAnalyzer
{
    private const ulong PageSize = 4096;

    private static readonly DiagnosticDescriptor Rule = Descriptors.Create(
        RuleIdentifiers.UsePageSize,
        "Use IProcessMemory.PageSize",
        "'{0}' hard-codes the page size (4096). Ask the process instead: IProcessMemory.PageSize is the kernel's unit for "
        + "brk, mmap and munmap (and PageSize - 1 the mask to round with).",
        RuleCategories.Teaching,
        DiagnosticSeverity.Info,
        "glibc asks the kernel for the page size (GLRO(dl_pagesize)) rather than assuming 4 KiB; code that does the same "
        + "reads as page arithmetic and keeps working on a machine with other pages.");

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
        var value = MagicNumbers.OutermostValue(context.Node, context.SemanticModel, context.CancellationToken);
        if (value is PageSize or PageSize - 1 && LearnerCode.IsLearnerCode(context.Options, context.Node.SyntaxTree))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, context.Node.GetLocation(), context.Node.ToString()));
        }
    }
}
