using MemKata.Analyzers.Rules;
using MemKata.Analyzers.Tests.Infrastructure;

namespace MemKata.Analyzers.Tests.Rules;

// What the red team's review found through allowed APIs (issue 10, "break the two static layers"): each way out, in its
// spellings, and the honest uses beside it that must stay allowed. The image check refuses the same attacks on its own
// (tests/MemKata.Analyzers.Runner.Tests/EscapeImageTests.cs).
public partial class UseOnlyTheAllowedApiAnalyzerTests
{
    private static readonly (string Name, string Body)[] Escapes =
    [
        // Console.Error is a TextWriter: in hand, it can be disposed (closing the grader's standard error) or passed on.
        ("Console.Error disposed by using", "public void M() { using var e = [|Console.Error|]; }"),
        ("Console.Error stored", "public void M() { var e = [|Console.Error|]; e.WriteLine(); }"),
        ("Console.Error as IDisposable", "public void M() => ((IDisposable)[|Console.Error|]).Dispose();"),
        ("Console.Error passed on", "public void M() => Sink([|Console.Error|]); private static void Sink(object o) { }"),
        ("Console.Error returned", "public object M() => [|Console.Error|];"),
        ("Console.Error conditionally", "public void M() => [|Console.Error|]?.WriteLine(\"x\");"),
        ("Console.Error's method as a delegate", "public Action<string> M() => [|Console.Error|].WriteLine;"),
        // The interpolation handler rents a pooled buffer; a copy hands it back twice.
        ("the interpolation handler copied", """
            public string M()
            {
                [|System.Runtime.CompilerServices.DefaultInterpolatedStringHandler|] h = [|new System.Runtime.CompilerServices.DefaultInterpolatedStringHandler(0, 0)|];
                var [|copy|] = h;
                return h.ToStringAndClear() + copy.ToStringAndClear();
            }
            """),
        ("the interpolation handler in a field", "private ref struct Holder { public [|System.Runtime.CompilerServices.DefaultInterpolatedStringHandler|] H; }"),
        // Members the compiler declares are checked like library members: a record's EqualityContract is a Type.
        ("a record's EqualityContract", "private sealed record R(int X) { public string Where() => [|EqualityContract|].Assembly.Location; }"),
        ("a record's EqualityContract printed", "private sealed record R(int X) { public override string ToString() => [|EqualityContract|].ToString(); }"),
        // Reflection through an exception.
        ("Exception.Source", "public string? M(Exception e) => [|e.Source|];"),
        // Overriding is using: the grader's calls of the member would run learner code.
        ("an override of Exception.StackTrace", "private sealed class Fake : Exception { public override string? [|StackTrace|] => \"at NUnit\"; }"),
        ("an override of Exception.Source", "private sealed class Fake : Exception { public override string? [|Source|] { get => \"x\"; set { } } }"),
        ("an override of StackTrace two bases down", """
            private class Mine : InvalidOperationException { }
            private sealed class Fake : Mine { public override string? [|StackTrace|] => ""; }
            """),
        // A class with no constructor of its own calls its base's.
        ("an implicit base constructor", "private abstract class W : [|System.IO.TextWriter|] { }"),
        ("a constructor without an initializer", "private abstract class W : System.IO.TextWriter { protected [|W|]() { } }"),
        ("a primary constructor", "private abstract class W() : [|System.IO.TextWriter|] { }"),
        ("a primary constructor calling its base", "private abstract class W() : [|System.IO.TextWriter()|] { }"),
    ];

    public static IEnumerable<TestCaseData> EscapeCases() => Escapes.Select(c => new TestCaseData(c.Body).SetName(c.Name));

    [TestCaseSource(nameof(EscapeCases))]
    public Task Reports_each_escape(string body) =>
        ProjectBuilder.For<UseOnlyTheAllowedApiAnalyzer>()
            .WithSourceCode(Usings + "public partial class C\n{\n" + body + "\n}\n")
            .ValidateAsync();

    [Test]
    public Task The_honest_uses_beside_the_escapes_are_allowed() =>
        Validate("""
            using System;
            using System.Collections.Generic;
            using System.Collections.Immutable;
            using System.Globalization;
            using System.Linq;
            using System.Text;

            public sealed class MemoryException(string message) : InvalidOperationException(message)
            {
                public override string Message => "heap: " + base.Message;
            }

            public sealed record Block(ulong Address, ulong Size);

            public static class Extensions
            {
                public static ulong AlignUp(this ulong value, ulong alignment) => (value + alignment - 1) & ~(alignment - 1);
            }

            public sealed class Honest
            {
                public static T Make<T>() where T : new() => new T();

                public string Print(int x, double d, string? s, int[] values)
                {
                    Console.Error.WriteLine("plain");
                    Console.Error.WriteLine($"interpolated {x} {d:F2}");
                    Console.Error.WriteLine(x switch { 1 => "one", 2 when s is not null => s, _ => "many" });
                    Console.Error.Write(int.TryParse(s, out var n) ? n : -1);
                    Console.Error.WriteLine("{0} {1}", x, values.Select(v => v * 2).Sum());
                    var text = string.Create(CultureInfo.InvariantCulture, $"{x} {d}");
                    var builder = new StringBuilder().Append($"{x:x8}").AppendLine(CultureInfo.InvariantCulture, $"{s}");
                    IEnumerable<int> one = [x];
                    IReadOnlyList<int> two = [x, n];
                    ImmutableArray<int> three = [1, 2, 3];
                    return text + builder + one.Count() + two.Count + three.Length + 16UL.AlignUp(8) + new Block(1, 2);
                }
            }
            """);
}
