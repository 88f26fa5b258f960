using MemKata.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemKata.Analyzers.Rules;

/// <summary>MK0010: learner code may not look at how it is being run, to behave differently under grading.</summary>
/// <remarks>Forbidden: test-framework contexts (NUnit's <c>TestContext</c> and <c>NUnit.Framework.Internal</c>, MSTest's
/// and xUnit's <c>TestContext</c>); every <c>Environment</c> member except <c>NewLine</c> and MK0004's;
/// <c>AppDomain</c>; <c>AppContext</c>; <c>Assembly.GetEntryAssembly</c>, <c>GetCallingAssembly</c> and
/// <c>GetExecutingAssembly</c>; <c>StackTrace</c>, <c>StackFrame</c>, <c>Exception.StackTrace</c>; <c>Debugger</c>.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DoNotDetectTheGraderAnalyzer : SymbolUsageAnalyzer
{
    private static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
        RuleIdentifiers.DoNotDetectTheGrader,
        "Do not look at how your code is being run",
        "'{0}' lets code see how it is being run (the test's name, the environment, its caller, a debugger). An allocator "
        + "must behave the same whoever calls it: follow the contract in IAllocator's documentation for every call.",
        RuleCategories.Integrity,
        DiagnosticSeverity.Error,
        "Code that recognises the grader can pass the hidden tests without working. The grader refuses code that reads "
        + "test names, the process's environment or its callers.");

    private static readonly string[] ForbiddenTypes =
    [
        "NUnit.Framework.TestContext", "Microsoft.VisualStudio.TestTools.UnitTesting.TestContext", "Xunit.TestContext",
        "Xunit.ITestContextAccessor", "System.AppDomain", "System.AppContext", "System.Diagnostics.StackTrace",
        "System.Diagnostics.StackFrame", "System.Diagnostics.Debugger",
    ];

    /// <inheritdoc />
    protected override DiagnosticDescriptor Rule => Descriptor;

    /// <summary>True for <c>Assembly.GetEntryAssembly</c>, <c>GetCallingAssembly</c> and <c>GetExecutingAssembly</c>
    /// (this rule's, not MK0002's).</summary>
    internal static bool IsCallerOrEntryAssemblyLookup(ISymbol symbol) =>
        SymbolNames.IsMember(symbol, "System.Reflection.Assembly", "GetEntryAssembly")
        || SymbolNames.IsMember(symbol, "System.Reflection.Assembly", "GetCallingAssembly")
        || SymbolNames.IsMember(symbol, "System.Reflection.Assembly", "GetExecutingAssembly");

    /// <inheritdoc />
    protected override bool Matches(ISymbol symbol)
    {
        if (IsCallerOrEntryAssemblyLookup(symbol) || SymbolNames.IsMember(symbol, "System.Exception", "StackTrace"))
        {
            return true;
        }

        // Environment itself is not reported, only its members: Environment.NewLine is fine, Exit and friends are MK0004's.
        if (symbol is not ITypeSymbol && SymbolNames.IsOrIsNestedIn(symbol.ContainingType, "System.Environment"))
        {
            return symbol.Name != "NewLine" && !DoNotExitOrUseEnvironmentVariablesAnalyzer.IsForbiddenEnvironmentMember(symbol);
        }

        var type = symbol as ITypeSymbol ?? symbol.ContainingType;
        return type is not null
            && (SymbolNames.IsOrIsNestedIn(type, ForbiddenTypes)
                || SymbolNames.IsUnder(SymbolNames.NamespaceOf(type), "NUnit.Framework.Internal"));
    }
}
