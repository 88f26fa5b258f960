using MemKata.Analyzers.Rules;
using MemKata.Analyzers.Tests.Infrastructure;

namespace MemKata.Analyzers.Tests.Rules;

// MK0001 on honest habits (nothing reported) and on the basics of what it reports. The forbidden areas, each in several
// spellings, are in the UseOnlyTheAllowedApiAnalyzerTests_*.cs files beside this one.
public partial class UseOnlyTheAllowedApiAnalyzerTests
{
    private static Task Validate(string source) => ProjectBuilder.For<UseOnlyTheAllowedApiAnalyzer>().WithSourceCode(source).ValidateAsync();

    [Test]
    public Task Honest_habits_are_allowed() =>
        Validate("""
            using System;
            using System.Buffers.Binary;
            using System.Collections.Generic;
            using System.Collections.Immutable;
            using System.Globalization;
            using System.Linq;
            using System.Numerics;
            using System.Text;
            using MemKata.Contracts;

            public sealed record Block(ulong Address, ulong Size);

            public enum Color { Red, Green }

            [Flags]
            public enum Bits { None = 0, A = 1, B = 2 }

            public sealed class Honest : IComparable<Honest>, IEquatable<Honest>
            {
                private readonly List<Block> _blocks = [];
                private readonly Dictionary<ulong, Block> _byAddress = new();
                private readonly SortedSet<ulong> _free = new();
                private readonly PriorityQueue<ulong, int> _queue = new();
                private readonly LinkedList<ulong> _lru = new();
                private readonly Queue<int> _fifo = new();
                private readonly Stack<int> _stack = new();
                private readonly HashSet<int> _seen = new();
                private readonly SortedDictionary<int, string> _sorted = new();
                private ImmutableArray<int> _immutable = ImmutableArray.Create(1, 2, 3);

                public int Value { get; init; }

                public int CompareTo(Honest? other) => Value.CompareTo(other?.Value ?? 0);

                public bool Equals(Honest? other) => other is not null && other.Value == Value;

                public override bool Equals(object? obj) => obj is Honest h && Equals(h);

                public override int GetHashCode() => HashCode.Combine(Value, _blocks.Count);

                public string Run(IProcessMemory memory, ulong size)
                {
                    ArgumentNullException.ThrowIfNull(memory);
                    ArgumentOutOfRangeException.ThrowIfGreaterThan(size, 1UL << 40);
                    var aligned = (size + 15) & ~15UL;
                    var top = checked(aligned * 2);
                    var wide = (UInt128)aligned * top;
                    var bits = BitOperations.LeadingZeroCount(aligned) + BitOperations.PopCount(top);
                    var word = BinaryPrimitives.ReverseEndianness(aligned);
                    var text = new StringBuilder();
                    text.Append($"{aligned:x} {wide} {bits} {word}").Append(' ').AppendLine(Math.Max(1, 2).ToString("D4", CultureInfo.InvariantCulture));
                    foreach (var block in _blocks.Where(b => b.Size > 0).OrderBy(b => b.Address))
                    {
                        var (address, length) = block;
                        _byAddress[address] = block with { Size = length };
                    }

                    foreach (var (key, value) in _byAddress)
                    {
                        text.Append(key).Append(value.Size);
                    }

                    Span<byte> bytes = new byte[8];
                    BinaryPrimitives.WriteUInt64LittleEndian(bytes, aligned);
                    ReadOnlySpan<char> chars = "abc".AsSpan(1..);
                    var array = new int[4];
                    Array.Fill(array, 7);
                    Array.Sort(array);
                    Array.Resize(ref array, 8);
                    var index = Array.IndexOf(array, 7) + array[^1] + array[1..3].Length + Array.Empty<int>().Length;
                    (int a, int b) pair = (1, 2);
                    Func<int, int> twice = x => x * 2;
                    int Local(int y) => y + pair.a;
                    var colors = Enum.GetValues<Color>().Length + (Bits.A | Bits.B).HasFlag(Bits.A).GetHashCode();
                    var maybe = (int?)null ?? 3;
                    _free.Add(1);
                    _queue.Enqueue(1, 2);
                    _lru.AddFirst(3);
                    _fifo.Enqueue(_stack.Count);
                    _seen.Add(_sorted.Count);
                    _immutable = _immutable.Add(4);
                    Console.WriteLine(text.ToString());
                    Console.Error.WriteLine("{0} {1}", index, colors);
                    if (memory.ReadWord(0) is > 4 and < 10 || chars is ['b', ..])
                    {
                        throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture, "bad {0}", twice(Local(maybe))));
                    }

                    return string.Join(",", _blocks.Select(b => b.Address.ToString("x", CultureInfo.InvariantCulture)))
                        + FormattableString.Invariant($"{size}") + nameof(System.IO.File) + bytes[0] + checked((int)top);
                }
            }
            """);

    [Test]
    public Task Reports_the_symbol_its_documentation_ID_and_what_to_use_instead() =>
        ProjectBuilder.For<UseOnlyTheAllowedApiAnalyzer>()
            .WithSourceCode("""
                class Leak
                {
                    public string Read() => {|#0:System.IO.File.ReadAllText|}("/graders/hidden.cs");
                }
                """)
            .WithExpectedDiagnostic(0, "File.ReadAllText", "M:System.IO.File.ReadAllText(System.String)",
                "keep data in fields or in the simulated memory; nothing outside the process exists for your component")
            .ValidateAsync();

    // Found by the red team's corpus (tests/testdata/submissions/reclaim-policy/adversarial-swallows-kernel-refusals):
    // the semantic model names IEnumerable.GetEnumerator for a foreach over an array, which the compiler never calls.
    [Test]
    public Task A_foreach_over_an_array_is_allowed() =>
        Validate("""
            public enum Kind { A, B }

            public sealed class Loops
            {
                public int Sum(int[] values, Kind[,] grid)
                {
                    var total = 0;
                    foreach (var value in values)
                    {
                        total += value;
                    }

                    foreach (var kind in new[] { Kind.A, Kind.B })
                    {
                        total += (int)kind;
                    }

                    foreach (var cell in grid)
                    {
                        total += (int)cell;
                    }

                    foreach (var c in "text")
                    {
                        total += c;
                    }

                    return total;
                }
            }
            """);

    [Test]
    public Task Does_not_report_outside_learner_code() =>
        ProjectBuilder.For<UseOnlyTheAllowedApiAnalyzer>().AsNonLearnerCode()
            .WithSourceCode("""
                class Engine
                {
                    public string Read() => [|System.IO.File.ReadAllText|]("/etc/hosts");
                }
                """)
            .ExpectingNoDiagnostics()
            .ValidateAsync();

    [Test]
    public Task Reports_a_value_of_a_forbidden_type_once_where_it_comes_from() =>
        Validate("""
            class Sneaky
            {
                public int Count()
                {
                    var types = [|typeof(Sneaky)|].Assembly.GetTypes();
                    return types.Length;
                }
            }
            """);

    [Test]
    public Task Reports_the_reference_engine() =>
        Validate("""
            class Wraps
            {
                private readonly [|MemKata.Engine.Libc.GlibcMalloc?|] _reference = null;

                public ulong Malloc(ulong size) => _reference!.Malloc(size);

                public object Make() => [|new MemKata.Engine.Libc.GlibcMalloc(null!)|];
            }
            """);
}
