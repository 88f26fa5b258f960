using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemKata.Analyzers.Runner;

/// <summary>Analyzer options that say, per tree, whether it is learner code (<c>memkata_learner_code</c>), and nothing
/// else: no project property, no <c>.editorconfig</c> of the submission's.</summary>
internal sealed class LearnerTreeOptionsProvider(ImmutableHashSet<SyntaxTree> learnerTrees) : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions Learner = new Options("true");
    private static readonly AnalyzerConfigOptions NotLearner = new Options("false");
    private static readonly AnalyzerConfigOptions Empty = new Options(null);

    public override AnalyzerConfigOptions GlobalOptions => Empty;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => learnerTrees.Contains(tree) ? Learner : NotLearner;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

    private sealed class Options(string? learnerCode) : AnalyzerConfigOptions
    {
        private const string Key = "memkata_learner_code";

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            value = learnerCode is not null && KeyComparer.Equals(key, Key) ? learnerCode : null;
            return value is not null;
        }

        public override IEnumerable<string> Keys => learnerCode is null ? [] : [Key];
    }
}
