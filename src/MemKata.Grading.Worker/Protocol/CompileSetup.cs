namespace MemKata.Grading.Worker.Protocol;

/// <summary>What every compile job of one session shares: the exercise's hidden suite and how learner code is compiled.
/// Sent once; the suite is parsed once and reused for every submission.</summary>
/// <param name="SuiteAssemblyName">The hidden suite's assembly name, <c>MemKata.Graders.&lt;Slug&gt;</c>.</param>
/// <param name="SuiteSources">The hidden suite's sources (<c>graders/&lt;slug&gt;</c> and <c>graders/_shared</c>).</param>
/// <param name="SuiteResources">What the suite embeds: the committed snapshots.</param>
/// <param name="LearnerUsings">The global usings learner files get (the SDK's implicit ones and the exercise project's).</param>
/// <param name="SuiteUsings">The global usings the hidden suite gets.</param>
/// <param name="Component">The learner's component type, the one public top-level type left public; null for none.</param>
/// <param name="RunAnalyzers">Whether the MemKata analyzers check the learner's code.</param>
/// <param name="PublicTests">False (grading): the suite is the hidden tests; it sees the learner's assembly under the
/// extern alias <c>learner</c> only, and its errors name no hidden file (<c>MKG002</c>). True (<c>memkata check</c>):
/// the suite is the exercise's public tests, which the learner reads and may edit; it sees the learner's assembly in
/// its global namespace, as the one project of <c>dotnet test</c> does, and its errors name its files
/// (<c>file:line:col</c>).</param>
public sealed record CompileSetup(
    string SuiteAssemblyName,
    IReadOnlyList<SourceFile> SuiteSources,
    IReadOnlyList<EmbeddedFile> SuiteResources,
    IReadOnlyList<string> LearnerUsings,
    IReadOnlyList<string> SuiteUsings,
    string? Component,
    bool RunAnalyzers,
    bool PublicTests = false);
