using MemKata.Grading.Audit;

namespace MemKata.Grading.Tests.Audit;

public sealed class MutantGeneratorTests
{
    private const string Source = """
        using System;

        public sealed class Counter
        {
            private const int Limit = 0x10;

            public int Step(int a, int b, bool[] flags)
            {
                ArgumentNullException.ThrowIfNull(flags);
                if (a < b && b != 0)
                {
                    a += Math.Max(a, 1);
                }
                else
                {
                    a--;
                }

                while (!flags[0])
                {
                    flags[0] = true;
                    continue;
                }

                if (a > 1000)
                {
                    throw new InvalidOperationException($"too big: {a + 1}");
                }

                return a == Limit ? 1 : 0;
            }
        }
        """;

    private static IReadOnlyList<Mutant> Mutants => MutantGenerator.Generate("Counter.cs", Source);

    [TestCase("Counter.Limit: OffByOne: `0x10` → `0x11`")]
    [TestCase("Counter.Limit: OffByOne: `0x10` → `0xf`")]
    [TestCase("Counter.Step: Boundary: `a < b` → `a <= b`")]
    [TestCase("Counter.Step: NegatedComparison: `a < b` → `a >= b`")]
    [TestCase("Counter.Step: NegatedComparison: `b != 0` → `b == 0`")]
    [TestCase("Counter.Step: Logical: `a < b && b != 0` → `a < b || b != 0`")]
    [TestCase("Counter.Step: NegatedCondition: `a < b && b != 0` → `!(a < b && b != 0)`")]
    [TestCase("Counter.Step: Arithmetic: `a += Math.Max(a, 1)` → `a -= Math.Max(a, 1)`")]
    [TestCase("Counter.Step: MaxMin: `Math.Max(a, 1)` → `Math.Min(a, 1)`")]
    [TestCase("Counter.Step: DroppedStatement: `a += Math.Max(a, 1);` → `;`")]
    [TestCase("Counter.Step: Increment: `a--` → `a++`")]
    [TestCase("Counter.Step: RemovedNot: `!flags[0]` → `flags[0]`")]
    [TestCase("Counter.Step: BooleanLiteral: `true` → `false`")]
    [TestCase("Counter.Step: SwappedBranches: `a == Limit ? 1 : 0` → `a == Limit ? 0 : 1`")]
    [TestCase("Counter.Step: OffByOne: `1` → `2` #2")]
    public void Each_operator_makes_its_mutant(string id) =>
        Assert.That(Mutants.Select(m => m.Id), Does.Contain(id), string.Join('\n', Mutants.Select(m => m.Id)));

    [Test]
    public void Guards_messages_and_last_jumps_are_left_alone()
    {
        var ids = Mutants.Select(m => m.Id).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(ids, Has.None.Contains("ThrowIfNull"), "argument guards: no test passes null");
            Assert.That(ids, Has.None.Contains("a + 1"), "what a throw says");
            Assert.That(ids, Has.None.Contains("continue"), "a continue that ends its loop's body changes nothing");
        });
    }

    [Test]
    public void The_same_text_gives_the_same_mutants()
    {
        var again = MutantGenerator.Generate("Counter.cs", Source);

        Assert.That(again, Is.EqualTo(Mutants));
        Assert.That(Mutants.Select(m => m.Id), Is.Unique);
    }

    [Test]
    public void A_mutant_replaces_its_span_and_shows_the_lines_it_changes()
    {
        var mutant = Mutants.Single(m => m.Id == "Counter.Step: Boundary: `a < b` → `a <= b`");

        Assert.Multiple(() =>
        {
            Assert.That(mutant.Line, Is.EqualTo(10));
            Assert.That(mutant.Apply(Source), Does.Contain("if (a <= b && b != 0)").And.Not.Contain("if (a < b"));
            Assert.That(mutant.Diff(Source), Is.EqualTo("--- Counter.cs:10\n-        if (a < b && b != 0)\n+        if (a <= b && b != 0)\n"));
        });
    }

    [Test]
    public void Ids_do_not_depend_on_line_numbers()
    {
        var shifted = MutantGenerator.Generate("Counter.cs", "// a comment that moves every line\n" + Source);

        Assert.That(shifted.Select(m => m.Id), Is.EqualTo(Mutants.Select(m => m.Id)));
        Assert.That(shifted.Select(m => m.Line), Is.EqualTo(Mutants.Select(m => m.Line + 1)));
    }
}
