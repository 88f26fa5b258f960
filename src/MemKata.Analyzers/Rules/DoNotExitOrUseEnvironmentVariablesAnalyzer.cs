using MemKata.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemKata.Analyzers.Rules;

/// <summary>MK0004: learner code may not end the process nor read or change environment variables.</summary>
/// <remarks>Forbidden: <c>Environment.Exit</c>, <c>Environment.FailFast</c>, <c>Environment.GetEnvironmentVariable</c>,
/// <c>Environment.GetEnvironmentVariables</c>, <c>Environment.SetEnvironmentVariable</c> and
/// <c>Environment.ExpandEnvironmentVariables</c>. Every other <c>Environment</c> member but <c>NewLine</c> is MK0010's.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DoNotExitOrUseEnvironmentVariablesAnalyzer : SymbolUsageAnalyzer
{
    private static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
        RuleIdentifiers.DoNotExitOrUseEnvironmentVariables,
        "Do not end the process or use environment variables",
        "'{0}' ends the process or uses environment variables. To fail, return Syscall.Null (malloc's NULL) or throw "
        + "HeapCorruptionException as glibc aborts; to tune, use named constants: the grader's environment is not yours.",
        RuleCategories.Sandbox,
        DiagnosticSeverity.Error,
        "Exiting the process would end the test run with no result; environment variables differ between a learner's "
        + "machine and the grader's, and can tell code that it is being graded.");

    private static readonly string[] ForbiddenMembers =
    [
        "Exit", "FailFast", "GetEnvironmentVariable", "GetEnvironmentVariables", "SetEnvironmentVariable",
        "ExpandEnvironmentVariables",
    ];

    /// <inheritdoc />
    protected override DiagnosticDescriptor Rule => Descriptor;

    /// <summary>True for the <c>Environment</c> members this rule owns (MK0010 leaves them alone).</summary>
    internal static bool IsForbiddenEnvironmentMember(ISymbol symbol)
    {
        foreach (var name in ForbiddenMembers)
        {
            if (SymbolNames.IsMember(symbol, "System.Environment", name))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    protected override bool Matches(ISymbol symbol) => IsForbiddenEnvironmentMember(symbol);
}
