using MemKata.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemKata.Analyzers.Rules;

/// <summary>MK0001: learner code may not read or write files, nor talk to the network.</summary>
/// <remarks>Forbidden: <c>System.IO</c>'s <c>File</c>, <c>FileInfo</c>, <c>FileSystemInfo</c>, <c>Directory</c>,
/// <c>DirectoryInfo</c>, <c>DriveInfo</c>, <c>FileStream</c>, <c>FileSystemWatcher</c>, <c>RandomAccess</c>, <c>Path</c>;
/// <c>new StreamReader(path)</c> and <c>new StreamWriter(path)</c> (on a path, not on a stream); everything in
/// <c>System.IO.Pipes</c>, <c>System.IO.MemoryMappedFiles</c>, <c>System.IO.IsolatedStorage</c>,
/// <c>System.IO.Enumeration</c> and <c>System.Net</c>.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DoNotUseFileOrNetworkIoAnalyzer : SymbolUsageAnalyzer
{
    private static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
        RuleIdentifiers.DoNotUseFileOrNetworkIo,
        "Do not use files or the network",
        "'{0}' reads or writes files or the network. An allocator's whole world is its process memory, and graded code may "
        + "not touch the grader's files: keep your data in IProcessMemory (WriteWord/ReadWord), and use Console.WriteLine "
        + "if you need to print while debugging.",
        RuleCategories.Sandbox,
        DiagnosticSeverity.Error,
        "Learner code gets everything it needs through MemKata.Contracts. Files and sockets would let a submission read "
        + "the hidden tests or write the results, so the grader refuses code that uses them.");

    private static readonly string[] ForbiddenTypes =
    [
        "System.IO.File", "System.IO.FileInfo", "System.IO.FileSystemInfo", "System.IO.Directory",
        "System.IO.DirectoryInfo", "System.IO.DriveInfo", "System.IO.FileStream", "System.IO.FileSystemWatcher",
        "System.IO.RandomAccess", "System.IO.Path",
    ];

    private static readonly string[] ForbiddenNamespaces =
    [
        "System.IO.Pipes", "System.IO.MemoryMappedFiles", "System.IO.IsolatedStorage", "System.IO.Enumeration", "System.Net",
    ];

    /// <inheritdoc />
    protected override DiagnosticDescriptor Rule => Descriptor;

    /// <inheritdoc />
    protected override bool Matches(ISymbol symbol)
    {
        if (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
            && SymbolNames.IsOrIsNestedIn(constructor.ContainingType, "System.IO.StreamReader", "System.IO.StreamWriter"))
        {
            return constructor.Parameters.Length > 0 && constructor.Parameters[0].Type.SpecialType == SpecialType.System_String;
        }

        var type = symbol as ITypeSymbol ?? symbol.ContainingType;
        return IsForbidden(type) || (symbol is not ITypeSymbol && IsForbidden(SymbolNames.ValueTypeOf(symbol)));
    }

    private static bool IsForbidden(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (SymbolNames.IsOrIsNestedIn(type, ForbiddenTypes))
        {
            return true;
        }

        var ns = SymbolNames.NamespaceOf(type);
        foreach (var root in ForbiddenNamespaces)
        {
            if (SymbolNames.IsUnder(ns, root))
            {
                return true;
            }
        }

        return false;
    }
}
