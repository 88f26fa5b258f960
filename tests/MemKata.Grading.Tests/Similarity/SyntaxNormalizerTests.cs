using MemKata.Grading.Similarity;

namespace MemKata.Grading.Tests.Similarity;

public sealed class SyntaxNormalizerTests
{
    private const string Original = """
        using MemKata.Contracts;

        namespace Learner;

        /// <summary>A bump allocator.</summary>
        public sealed class Allocator : IAllocator
        {
            private const ulong Header = 16;
            private readonly IProcessMemory _memory;
            private ulong _top;

            public Allocator(IProcessMemory memory)
            {
                _memory = memory;
            }

            public ulong Malloc(ulong size)
            {
                var chunk = (size + Header + 15) & ~15UL; // round up
                if (_top is 0)
                {
                    _top = _memory.Sbrk(0x1000);
                }

                var result = _top + Header;
                _top += chunk;
                return result;
            }

            private ulong SizeOf(ulong pointer) => _memory.ReadWord(pointer - 8) & ~7UL;
        }
        """;

    [Test]
    public void Renaming_every_declared_name_changes_nothing() => AssertSame("""
        using MemKata.Contracts;
        namespace Learner;
        public sealed class MyMalloc : IAllocator
        {
            private const ulong H = 16;
            private readonly IProcessMemory m;
            private ulong t;
            public MyMalloc(IProcessMemory mem) { m = mem; }
            public ulong Malloc(ulong n)
            {
                var c = (n + H + 15) & ~15UL;
                if (t is 0) { t = m.Sbrk(0x1000); }
                var r = t + H;
                t += c;
                return r;
            }
            private ulong Q(ulong p) => m.ReadWord(p - 8) & ~7UL;
        }
        """);

    [Test]
    public void Reordering_members_changes_nothing() => AssertSame("""
        using MemKata.Contracts;
        namespace Learner;
        public sealed class Allocator : IAllocator
        {
            private ulong SizeOf(ulong pointer) => _memory.ReadWord(pointer - 8) & ~7UL;
            public ulong Malloc(ulong size)
            {
                var chunk = (size + Header + 15) & ~15UL;
                if (_top is 0) { _top = _memory.Sbrk(0x1000); }
                var result = _top + Header;
                _top += chunk;
                return result;
            }
            private ulong _top;
            public Allocator(IProcessMemory memory) { _memory = memory; }
            private readonly IProcessMemory _memory;
            private const ulong Header = 16;
        }
        """);

    [Test]
    public void Comments_layout_usings_namespaces_and_modifiers_change_nothing() => AssertSame("""
        namespace Learner {
        using MemKata.Contracts;
        // Written late at night.
        sealed class Allocator : IAllocator {
          const ulong Header = 16; /* header bytes */
          readonly IProcessMemory _memory; ulong _top;
          internal Allocator(IProcessMemory memory) { _memory = memory; }
          public ulong Malloc(ulong size) {
            var chunk = (size + Header + 15) & ~15UL;
            if (_top is 0) _top = _memory.Sbrk(0x1000);
            var result = _top + Header; _top += chunk; return result;
          }
          ulong SizeOf(ulong pointer) => _memory.ReadWord(pointer - 8) & ~7UL;
        }
        }
        """);

    [Test]
    public void Literals_count_by_kind_whatever_their_base_or_suffix() => AssertSame(Original
        .Replace("Header = 16", "Header = 0x10", StringComparison.Ordinal)
        .Replace("+ 15)", "+ 0xF)", StringComparison.Ordinal)
        .Replace("0x1000", "4096", StringComparison.Ordinal)
        .Replace("~7UL", "~0b111ul", StringComparison.Ordinal));

    // What ILSpy shows for the same class compiled without a PDB: locals named by type, `var` spelt out, constants folded
    // into literals, expression bodies as blocks, `this.`, casts and checked arithmetic, `== 0` for `is 0`.
    [Test]
    public void A_decompiled_rendering_changes_nothing() => AssertSame("""
        using MemKata.Contracts;
        public sealed class Allocator : IAllocator
        {
            private const ulong Header = 16uL;
            private readonly IProcessMemory _memory;
            private ulong _top;
            public Allocator(IProcessMemory memory)
            {
                this._memory = memory;
            }
            public ulong Malloc(ulong size)
            {
                ulong num = checked((size + 16uL + 15) & 18446744073709551600uL);
                if (this._top == 0)
                {
                    this._top = this._memory.Sbrk((long)4096);
                }
                ulong num2 = this._top + 16uL;
                this._top += num;
                return num2;
            }
            private ulong SizeOf(ulong pointer)
            {
                return (ulong)(_memory.ReadWord(pointer - 8) & 18446744073709551608uL);
            }
        }
        """);

    [TestCase("if (frame is null) { return 0; }", "if (frame == null) { return 0; }")]
    [TestCase("if (frame is not null) { return 0; }", "if (frame != null) { return 0; }")]
    [TestCase("if (!frame.HasValue) { return 0; }", "if (frame == null) { return 0; }")]
    [TestCase("use(frame.Value); use(frame.GetValueOrDefault());", "use(frame); use(frame);")]
    [TestCase("Map(page, frame, writable: true);", "Map(page, frame, true);")]
    public void Equal_forms_of_one_statement_give_the_same_tokens(string one, string other) =>
        Assert.That(Codes(Method(one)), Is.EqualTo(Codes(Method(other))));

    [Test]
    public void A_designating_pattern_reads_as_the_declaration_and_null_test_it_stands_for() =>
        Assert.That(
            Codes(Method("if (context.AllocateFrame() is not { } frame) { return 0; } use(frame);")),
            Is.EqualTo(Codes(Method("var frame = context.AllocateFrame(); if (frame is null) { return 0; } use(frame.Value);"))));

    [TestCase("var chunk = (size + Header + 15) & ~15UL;", "var chunk = (size - Header + 15) & ~15UL;")]
    [TestCase("_top = _memory.Sbrk(0x1000);", "_top = _memory.Mmap(0x1000);")]
    [TestCase("_top += chunk;\n        return result;", "return result;")]
    [TestCase("if (_top is 0)", "while (_top is 0)")]
    public void What_the_code_does_still_counts(string written, string changed) =>
        Assert.That(Codes(Original.Replace(written, changed, StringComparison.Ordinal)), Is.Not.EqualTo(Codes(Original)));

    [Test]
    public void Each_token_keeps_the_line_it_came_from_and_members_stay_contiguous()
    {
        var lines = Original.Split('\n');
        var header = Array.FindIndex(lines, l => l.Contains("const ulong Header", StringComparison.Ordinal)) + 1;
        var sizeOf = Array.FindIndex(lines, l => l.Contains("SizeOf", StringComparison.Ordinal)) + 1;

        var program = SyntaxNormalizer.Normalize([new SimilaritySource("Allocator.cs", Original)]);

        Assert.Multiple(() =>
        {
            Assert.That(program.Tokens.Select(t => t.Unit), Is.Ordered.Ascending);
            Assert.That(program.Tokens.Min(t => t.Line), Is.EqualTo(header), "using, namespace and class header give no token");
            Assert.That(program.Tokens.Max(t => t.EndLine), Is.EqualTo(sizeOf));
            var unit = program.Tokens.Where(t => t.Line == sizeOf).Select(t => t.Unit).Distinct().Single();
            var start = program.Tokens.ToList().FindIndex(t => t.Unit == unit);
            var length = program.Tokens.Count(t => t.Unit == unit);
            Assert.That(program.LinesOf(start, length).Select(l => l.ToString()), Is.EqualTo(new[] { $"Allocator.cs:{sizeOf}" }));
        });
    }

    [Test]
    public void Same_sources_give_the_same_program()
    {
        var once = SyntaxNormalizer.Normalize([new SimilaritySource("Allocator.cs", Original)]);
        var again = SyntaxNormalizer.Normalize([new SimilaritySource("Allocator.cs", Original)]);

        Assert.That(again.Tokens, Is.EqualTo(once.Tokens));
    }

    // Roslyn's parser takes time in the square of the nesting (20 000 parentheses: about a minute): such text is lexed.
    [Test]
    public void Brackets_nested_too_deep_to_parse_quickly_are_lexed_and_the_program_says_so()
    {
        var deep = new string('(', 20_000) + "1" + new string(')', 20_000);

        var program = SyntaxNormalizer.Normalize([new SimilaritySource("Allocator.cs", $"class C {{ int M() => {deep}; }}")]);

        Assert.Multiple(() =>
        {
            Assert.That(program.Note, Does.StartWith("Allocator.cs nests brackets 20001 deep (more than 256)"));
            Assert.That(program.Tokens, Has.Count.EqualTo(40_011));
        });
    }

    [Test]
    public void Code_nested_beyond_the_stack_without_brackets_is_tokenized_flat_instead_of_crashing_the_grader()
    {
        var chain = string.Concat(Enumerable.Repeat("else if (x == 1) x++; ", 20_000));

        var program = SyntaxNormalizer.Normalize([new SimilaritySource("Allocator.cs", $"class C {{ void M(int x) {{ if (x == 0) x++; {chain} }} }}")]);

        Assert.Multiple(() =>
        {
            Assert.That(program.Note, Is.Null);
            Assert.That(program.Tokens, Has.Count.GreaterThan(20_000 * 10));
        });
    }

    [Test]
    public void Text_that_is_not_CSharp_gives_a_program_not_an_exception() =>
        Assert.That(() => SyntaxNormalizer.Normalize([new SimilaritySource("Allocator.cs", "}}} class { void ( \0 \"unterminated")]), Throws.Nothing);

    private static string Method(string body) => $$"""
        class C
        {
            int M(IFaultContext context, FrameNumber? frame, ulong page)
            {
                {{body}}
                return 1;
            }
        }
        """;

    private static void AssertSame(string variant, string? original = null) =>
        Assert.That(Codes(variant), Is.EqualTo(Codes(original ?? Original)));

    private static IReadOnlyList<ulong> Codes(string source) =>
        SyntaxNormalizer.Normalize([new SimilaritySource("Allocator.cs", source)]).Codes;
}
