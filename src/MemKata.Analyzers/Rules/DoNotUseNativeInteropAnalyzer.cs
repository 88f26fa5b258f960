using MemKata.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemKata.Analyzers.Rules;

/// <summary>MK0005: learner code may not call native code nor use native memory.</summary>
/// <remarks>Forbidden: <c>[DllImport]</c>, <c>[LibraryImport]</c>, <c>[UnmanagedCallersOnly]</c>, <c>extern</c> methods,
/// <c>Marshal</c>, <c>NativeMemory</c>, <c>NativeLibrary</c>, <c>ComWrappers</c>, <c>SafeHandle</c> and everything in
/// <c>Microsoft.Win32.SafeHandles</c>. (<c>GCHandle</c> is MK0008's.)</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DoNotUseNativeInteropAnalyzer : SymbolUsageAnalyzer
{
    private static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
        RuleIdentifiers.DoNotUseNativeInterop,
        "Do not call native code or use native memory",
        "'{0}' calls native code or uses native memory, outside the simulated process. Get memory with "
        + "IProcessMemory.Sbrk or Mmap and use it with IProcessMemory.ReadWord/WriteWord, not Marshal or NativeMemory.",
        RuleCategories.Sandbox,
        DiagnosticSeverity.Error,
        "Native memory is the grader's own process memory: a wrong pointer crashes the grader, and a malloc built on the "
        + "host's malloc teaches nothing about how one works.");

    private static readonly string[] ForbiddenTypes =
    [
        "System.Runtime.InteropServices.DllImportAttribute", "System.Runtime.InteropServices.LibraryImportAttribute",
        "System.Runtime.InteropServices.UnmanagedCallersOnlyAttribute", "System.Runtime.InteropServices.Marshal",
        "System.Runtime.InteropServices.NativeMemory", "System.Runtime.InteropServices.NativeLibrary",
        "System.Runtime.InteropServices.ComWrappers", "System.Runtime.InteropServices.SafeHandle",
    ];

    /// <inheritdoc />
    protected override DiagnosticDescriptor Rule => Descriptor;

    /// <inheritdoc />
    protected override bool Matches(ISymbol symbol)
    {
        var type = symbol as ITypeSymbol ?? symbol.ContainingType;
        return type is not null
            && (SymbolNames.IsOrIsNestedIn(type, ForbiddenTypes)
                || SymbolNames.IsUnder(SymbolNames.NamespaceOf(type), "Microsoft.Win32.SafeHandles"));
    }

    /// <inheritdoc />
    protected override void RegisterMoreActions(AnalysisContext context) =>
        context.RegisterSyntaxNodeAction(AnalyzeExtern, SyntaxKind.MethodDeclaration, SyntaxKind.LocalFunctionStatement);

    private void AnalyzeExtern(SyntaxNodeAnalysisContext context)
    {
        var modifiers = context.Node is MethodDeclarationSyntax method
            ? method.Modifiers
            : ((LocalFunctionStatementSyntax)context.Node).Modifiers;
        foreach (var modifier in modifiers)
        {
            // An extern method with [DllImport] is reported once, on the attribute.
            if (modifier.IsKind(SyntaxKind.ExternKeyword) && LearnerCode.IsLearnerCode(context.Options, context.Node.SyntaxTree)
                && (context.SemanticModel.GetDeclaredSymbol(context.Node, context.CancellationToken) as IMethodSymbol)?.GetDllImportData() is null)
            {
                Report(context, modifier.GetLocation(), "extern");
            }
        }
    }
}
