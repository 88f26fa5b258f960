using System.Text.RegularExpressions;
using MemKata.Contracts;
using MemKata.Engine.Libc;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MemKata.Analyzers.Tests.Infrastructure;

/// <summary>Starts a test recipe: <c>ProjectBuilder.For&lt;TAnalyzer&gt;().WithSourceCode(s).ValidateAsync()</c>.</summary>
internal static class ProjectBuilder
{
    public static ProjectBuilder<TAnalyzer> For<TAnalyzer>()
        where TAnalyzer : DiagnosticAnalyzer, new() => new();
}

/// <summary>
/// One analyzer test: sources as raw strings with the expected diagnostics marked in place (<c>{|MK0001:...|}</c>,
/// or <c>[|...|]</c> when the analyzer has one rule), compiled for net10.0 against the real MemKata.Contracts,
/// MemKata.Engine and NUnit. The project is learner code (<c>MemKataLearnerCode=true</c>) unless the recipe says otherwise.
/// </summary>
internal sealed partial class ProjectBuilder<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    private readonly List<string> _sources = [];
    private readonly List<(string Path, string Text)> _configFiles = [];
    private string? _learnerCodeProperty = "true";
    private bool _allowUnsafe;
    private bool _checkCompilerErrors = true;
    private bool _stripMarkup;
    private readonly List<(int Location, object[] Arguments)> _expected = [];

    /// <summary>A project with <c>MemKataLearnerCode=false</c>: the engine, a grader, a test project.</summary>
    public ProjectBuilder<TAnalyzer> AsNonLearnerCode()
    {
        _learnerCodeProperty = "false";
        return this;
    }

    /// <summary>A project that says nothing about learner code (no property, no per-file option).</summary>
    public ProjectBuilder<TAnalyzer> WithoutLearnerCodeSetting()
    {
        _learnerCodeProperty = null;
        return this;
    }

    public ProjectBuilder<TAnalyzer> WithSourceCode(string source)
    {
        _sources.Add(source);
        return this;
    }

    /// <summary>An <c>.editorconfig</c> at the root of the test project (sources are <c>/0/Test0.cs</c>, ...).</summary>
    public ProjectBuilder<TAnalyzer> WithEditorConfig(string text)
    {
        _configFiles.Add(("/.editorconfig", "root = true\n" + text));
        return this;
    }

    /// <summary>Another analyzer config file, e.g. a global one carrying <c>build_metadata.Compile.*</c> keys.</summary>
    public ProjectBuilder<TAnalyzer> WithAnalyzerConfig(string path, string text)
    {
        _configFiles.Add((path, text));
        return this;
    }

    public ProjectBuilder<TAnalyzer> WithUnsafeBlocks()
    {
        _allowUnsafe = true;
        return this;
    }

    /// <summary>For sources that do not compile on purpose (a missing reference): only analyzer diagnostics are compared.</summary>
    public ProjectBuilder<TAnalyzer> IgnoringCompilerErrors()
    {
        _checkCompilerErrors = false;
        return this;
    }

    /// <summary>Removes the markup from the sources and expects no diagnostic at all: the same code, not reported.</summary>
    public ProjectBuilder<TAnalyzer> ExpectingNoDiagnostics()
    {
        _stripMarkup = true;
        return this;
    }

    /// <summary>Expects the analyzer's (first) rule at the markup location <c>{|#n:...|}</c>, with these message arguments.</summary>
    public ProjectBuilder<TAnalyzer> WithExpectedDiagnostic(int location, params object[] arguments)
    {
        _expected.Add((location, arguments));
        return this;
    }

    public Task ValidateAsync()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
            CompilerDiagnostics = _checkCompilerErrors ? CompilerDiagnostics.Errors : CompilerDiagnostics.None,
        };
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(IAllocator).Assembly.Location));
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(GlibcMalloc).Assembly.Location));
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(TestContext).Assembly.Location));
        var rule = new TAnalyzer().SupportedDiagnostics[0];
        foreach (var (location, arguments) in _expected)
        {
            test.ExpectedDiagnostics.Add(new DiagnosticResult(rule).WithLocation(location).WithArguments(arguments));
        }

        foreach (var source in _sources)
        {
            test.TestState.Sources.Add(_stripMarkup ? StripMarkup(source) : source);
        }

        if (_learnerCodeProperty is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig",
                $"is_global = true\nbuild_property.MemKataLearnerCode = {_learnerCodeProperty}\n"));
        }

        foreach (var file in _configFiles)
        {
            test.TestState.AnalyzerConfigFiles.Add(file);
        }

        if (_allowUnsafe)
        {
            test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectCompilationOptions(projectId,
                ((CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!).WithAllowUnsafe(true)));
        }

        return test.RunAsync();
    }

    private static string StripMarkup(string source) => Markup().Replace(source, string.Empty);

    [GeneratedRegex(@"\{\|[A-Z]+[0-9]+:|\|\}|\[\||\|\]")]
    private static partial Regex Markup();
}
