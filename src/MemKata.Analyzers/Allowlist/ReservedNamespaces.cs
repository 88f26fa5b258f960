using System;

namespace MemKata.Analyzers.Allowlist;

/// <summary>
/// The namespaces learner code may not declare types in, for both layers (MK0006 on the source, the image check on the
/// compiled types): .NET's own (<c>System</c>, <c>Microsoft</c>: the compiler and the runtime recognise some of their types
/// by name, so a learner's <c>System.Runtime.CompilerServices.ModuleInitializerAttribute</c> would be taken for the real
/// one) and the grader's (the hidden suites, the test helpers, the contracts, the test framework and the snapshot
/// libraries: a learner's <c>NUnit.Framework.SuccessException</c> or <c>MemKata.Graders.Allocator.Subject</c> exists only
/// to be taken for the grader's). Not the engine's: the reference components live in <c>MemKata.Engine.Reference</c>
/// and are graded as submissions. Each root covers the namespaces below it.
/// </summary>
public static class ReservedNamespaces
{
    /// <summary>The reserved roots.</summary>
    public static readonly string[] Roots =
    [
        "System", "Microsoft", "MemKata.Graders", "MemKata.Testing", "MemKata.Contracts", "NUnit", "Snapshooter", "DiffPlex",
        "Newtonsoft", "Xunit",
    ];

    /// <summary>The reserved root that <paramref name="ns"/> is or is under (<c>global::</c> ignored), or null.</summary>
    public static string? RootOf(string ns)
    {
        if (ns is null)
        {
            throw new ArgumentNullException(nameof(ns));
        }

        var plain = ns.Replace("global::", string.Empty);
        foreach (var root in Roots)
        {
            if (plain == root || (plain.StartsWith(root, StringComparison.Ordinal) && plain.Length > root.Length && plain[root.Length] == '.'))
            {
                return root;
            }
        }

        return null;
    }
}
