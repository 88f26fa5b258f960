using MemKata.Analyzers.Runner.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace MemKata.Analyzers.Runner.Tests;

// The image check on its own against what the red team's review found through allowed APIs (issue 10): each attack
// compiled with no analyzer, refused by the image check alone; and the honest code beside each one, which the image
// check must let through in Debug (as the grader compiles) and Release.
public class EscapeImageTests
{
    private static readonly (string Name, string Source, string Expected, bool Unsafe)[] Escapes =
    [
        ("Console.Error disposed by using", "public class C { public void M() { using var e = System.Console.Error; } }", "M:System.Console.get_Error", false),
        ("Console.Error as IDisposable", "public class C { public void M() => ((System.IDisposable)System.Console.Error).Dispose(); }", "M:System.Console.get_Error", false),
        ("Console.Error kept, used, then disposed", """
            public class C
            {
                public void M()
                {
                    var e = System.Console.Error;
                    e.WriteLine("x");
                    ((System.IDisposable)e).Dispose();
                }
            }
            """, "once loaded from the local it is kept in", false),
        ("Console.Error passed on", "public class C { public void M() => Sink(System.Console.Error); static void Sink(object o) { } }", "as an argument", false),
        ("Console.Error duplicated", "public class C { public void M() => System.Console.Error?.WriteLine(\"x\"); }", "dup", false),
        ("the interpolation handler copied", """
            public class C
            {
                public string M()
                {
                    var h = new System.Runtime.CompilerServices.DefaultInterpolatedStringHandler(0, 0);
                    h.AppendLiteral("x");
                    var copy = h;
                    return h.ToStringAndClear() + copy.ToStringAndClear();
                }
            }
            """, "copies a System.Runtime.CompilerServices.DefaultInterpolatedStringHandler", false),
        ("the interpolation handler in a field", "public ref struct Holder { public System.Runtime.CompilerServices.DefaultInterpolatedStringHandler H; }",
            "the field Holder.H holds", false),
        ("the interpolation handler as a parameter", "public class C { public string M(ref System.Runtime.CompilerServices.DefaultInterpolatedStringHandler h) => h.ToStringAndClear(); }",
            "the method C.M holds", false),
        ("Exception.Source", "public class C { public string? M(System.Exception e) => e.Source; }", "M:System.Exception.get_Source", false),
        ("an override of Exception.StackTrace", "public class Fake : System.Exception { public override string? StackTrace => \"at NUnit\"; }",
            "overrides M:System.Exception.get_StackTrace", false),
        ("an override of StackTrace two bases down", """
            public class Mine : System.InvalidOperationException { }
            public class Fake : Mine { public override string? StackTrace => ""; }
            """, "overrides M:System.InvalidOperationException.get_StackTrace", false),
        ("an override of a type-only type's member", "public abstract class W : System.IO.TextWriter { public override void Flush() { } }",
            "overrides M:System.IO.TextWriter.Flush", false),
        ("a type in NUnit's namespace", "namespace NUnit.Framework { public class SuccessException : System.Exception { } }",
            "T:NUnit.Framework.SuccessException", false),
        ("a type in System's namespace", "namespace System.Runtime.CompilerServices { public sealed class UnsafeAccessorAttribute : System.Attribute { } }",
            "T:System.Runtime.CompilerServices.UnsafeAccessorAttribute", false),
        ("a type forwarded", "[assembly: System.Runtime.CompilerServices.TypeForwardedTo(typeof(int))] public class C { }", "manifest", false),
        ("a synchronized method", "public class C { [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.Synchronized)] public void M() { } }",
            "synchronized", false),
        ("typeof in a get_EqualityContract that is not a record's", "public class C { public object EqualityContract => typeof(C); }",
            "M:System.Type.GetTypeFromHandle", false),
    ];

    private static readonly (string Name, string Source)[] Honest =
    [
        ("Console.Error.WriteLine with every kind of argument", """
            using System;
            using System.Linq;
            public class C
            {
                public void M(int x, int[] a, string? s)
                {
                    Console.Error.WriteLine("plain");
                    Console.Error.WriteLine($"interpolated {x} {s}");
                    Console.Error.WriteLine(x > 0 ? "a" : "b");
                    Console.Error.WriteLine(x switch { 1 => "one", 2 when s is not null => s, _ => "many" });
                    Console.Error.WriteLine("{0} {1}", x, a.Select(v => v * 2).Sum());
                    Console.Error.WriteLine(s ?? "null");
                    Console.Error.Write(int.TryParse(s, out var n) ? n : -1);
                    Console.Error.WriteLine(a is [var first, ..] ? first : 0);
                    Console.Error.WriteLine(checked(x * 2));
                    Console.Error.WriteLine(Console.Error.ToString());
                }
            }
            """),
        ("interpolation into a string, a builder and a provider", """
            using System;
            using System.Globalization;
            using System.Text;
            public class C
            {
                public string M(int x, double d, string? s)
                {
                    var builder = new StringBuilder().Append($"x={x:x8} d={d,10:F3}").AppendLine(CultureInfo.InvariantCulture, $"{s}");
                    var text = string.Create(CultureInfo.InvariantCulture, $"{x} {d}");
                    Console.WriteLine($"{x} {s ?? "none"}");
                    var nested = $"outer {$"inner {x}"} {(x > 0 ? $"{d}" : "n")}";
                    return builder + text + nested + FormattableString.Invariant($"{d}") + $"{x switch { 1 => "a", _ => $"{x}" }}";
                }
            }
            """),
        ("collection expressions of interface types", """
            using System.Collections.Generic;
            using System.Collections.Immutable;
            using System.Linq;
            public class C
            {
                public int M(int a, int b, IEnumerable<int> source)
                {
                    IEnumerable<int> one = [a];
                    IReadOnlyList<int> two = [a, b];
                    IEnumerable<int> spread = [.. source];
                    IReadOnlyCollection<int> more = [.. source, a];
                    IEnumerable<string> text = ["x"];
                    ImmutableArray<int> immutable = [1, 2, 3];
                    return one.Count() + two.Count + spread.Count() + more.Count + text.Count() + immutable.Length;
                }
            }
            """),
        ("extension methods, extension blocks, new T() and unmanaged", """
            public static class Extensions
            {
                public static ulong AlignUp(this ulong value, ulong alignment) => (value + alignment - 1) & ~(alignment - 1);

                extension(ulong value)
                {
                    public bool IsAligned => (value & 15) == 0;
                }
            }

            public sealed class Pool<T> where T : new()
            {
                public T Make() => new T();
            }

            public struct Cell<T> where T : unmanaged
            {
                public T Value;
            }
            """),
        ("exceptions that override what they may", """
            public sealed class HeapException(string message) : System.InvalidOperationException(message)
            {
                public override string Message => "heap: " + base.Message;
                public override string ToString() => Message;
            }
            public record Base(int A);
            public sealed record Derived(int A, int B) : Base(A);
            """),
    ];

    public static IEnumerable<TestCaseData> EscapeCases() =>
        Escapes.Select(c => new TestCaseData(c.Source, c.Expected, c.Unsafe).SetName(c.Name));

    public static IEnumerable<TestCaseData> HonestCases() =>
        Honest.SelectMany(c => new[] { OptimizationLevel.Debug, OptimizationLevel.Release }
            .Select(level => new TestCaseData(c.Source, level).SetName($"{c.Name} ({level})")));

    [TestCaseSource(nameof(EscapeCases))]
    public void The_escape_is_refused(string source, string expected, bool allowUnsafe)
    {
        var findings = LearnerImageCheck.Check(Images.Compile(source, allowUnsafe: allowUnsafe));

        Assert.That(findings.Select(f => f.Symbol + ": " + f.Message), Has.Some.Contains(expected));
    }

    [TestCaseSource(nameof(HonestCases))]
    public void The_honest_code_beside_it_passes(string source, OptimizationLevel optimization)
    {
        var findings = LearnerImageCheck.Check(Images.Compile(source, optimization));

        Assert.That(findings.Select(f => f.Symbol + ": " + f.Message), Is.Empty);
    }
}
