using MemKata.Analyzers.Runner.Tests.Infrastructure;
using MemKata.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace MemKata.Analyzers.Runner.Tests;

// Every reference solution, stub and honest sample passes the image check, compiled as the grader compiles it (Debug)
// and optimized (Release, where the compiler emits its helpers differently): nothing the compiler emits for honest code
// is refused.
public class HonestImageTests
{
    public static IEnumerable<TestCaseData> HonestFiles() =>
        LearnerSources.Honest().SelectMany(path => new[] { OptimizationLevel.Debug, OptimizationLevel.Release }
            .Select(level => new TestCaseData(path, level).SetName($"{path} ({level})")));

    [TestCaseSource(nameof(HonestFiles))]
    public void Honest_code_passes_the_image_check(string path, OptimizationLevel optimization)
    {
        var (compilation, _) = LearnerSources.Compile(path, optimization, allowUnsafe: false);

        var findings = LearnerImageCheck.Check(Images.Emit(compilation));

        Assert.That(findings.Where(f => !(LearnerSources.UsesTheEngine(path) && IsTheEngine(f))).Select(f => f.Symbol), Is.Empty);
    }

    [Test]
    public async Task Both_layers_pass_what_the_compiler_emits_for_honest_habits()
    {
        const string Source = """
            using System;
            using System.Collections.Generic;
            using System.Collections.Immutable;
            using System.Linq;

            public sealed record Block(ulong Address, ulong Size);

            public readonly record struct Pair(int A, int B);

            public sealed class Habits
            {
                private static readonly int[] Table = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
                private static ReadOnlySpan<byte> Bytes => [1, 2, 3, 4];
                private readonly List<int> _list = [1, 2, 3];

                public required int Value { get; init; }

                public IEnumerable<int> Evens()
                {
                    foreach (var item in _list)
                    {
                        if (item % 2 == 0)
                        {
                            yield return item;
                        }
                    }
                }

                public string Run(string word, params ReadOnlySpan<int> values)
                {
                    var block = new Block(1, 2) with { Size = 3 };
                    var (address, size) = block;
                    ReadOnlySpan<int> span = [address > 0 ? 1 : 2, 3, 4];
                    List<int> more = [.. _list, .. values, 5];
                    int[] array = [.. more];
                    var slice = array[1..3];
                    var text = $"{address:x} {size} {block} {new Pair(1, 2)} {Table[^1]} {Bytes[0]} {"abc"u8.Length}";
                    var kind = word switch
                    {
                        "alpha" => 1, "beta" => 2, "gamma" => 3, "delta" => 4, "epsilon" => 5, "zeta" => 6, "eta" => 7, "theta" => 8,
                        _ => 0,
                    };
                    Func<int, int> twice = x => x * 2;
                    var total = more.Where(x => x > 1).Select(twice).Sum() + slice.Length + span[0] + kind;
                    var grid = new int[2, 2];
                    grid[1, 1] = total;
                    var anonymous = new { A = 1, B = "b" };
                    Console.WriteLine("{0} {1} {2} {3} {4}", text, total, grid[1, 1], anonymous, Evens().Count());
                    return string.Concat(text, word, text, word, text) + string.Join(",", 1, 2, 3, 4, 5)
                        + ImmutableArray.Create(1, 2).Length + checked(Value * 2) + (decimal)1.5m;
                }
            }
            """;

        var report = await LearnerCodeAnalysis.AnalyzeAsync(
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Source, new(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest))],
            LearnerSources.References);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(LearnerImageCheck.Check(Images.Compile(Source)).Select(f => f.Symbol + ": " + f.Message), Is.Empty, "Debug image");
            Assert.That(LearnerImageCheck.Check(Images.Compile(Source, OptimizationLevel.Release)).Select(f => f.Symbol), Is.Empty, "Release image");
            Assert.That(report.Errors.Select(d => d.ToString()), Is.Empty, "analyzers");
        }
    }

    private static bool IsTheEngine(ImageFinding finding) =>
        finding.Symbol is "assembly MemKata.Engine" || (finding.Symbol.Length > 2 && finding.Symbol[2..].StartsWith("MemKata.Engine.", StringComparison.Ordinal));
}
