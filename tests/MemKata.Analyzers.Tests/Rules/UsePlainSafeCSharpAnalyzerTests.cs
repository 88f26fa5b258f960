using MemKata.Analyzers.Rules;
using MemKata.Analyzers.Tests.Infrastructure;

namespace MemKata.Analyzers.Tests.Rules;

// MK0006: each language feature that reaches under managed, single-threaded code, in the spellings it has. Sources are
// compiled with unsafe blocks allowed, as the runner does, so unsafe code is this rule's error, not the compiler's.
public class UsePlainSafeCSharpAnalyzerTests
{
    private static readonly (string Name, string Source)[] Features =
    [
        ("unsafe method", "class C { public [|unsafe|] int M(int x) => x; }"),
        ("unsafe block and pointer", "class C { public int M(int x) { [|unsafe|] { [|int*|] p = &x; return *p; } } }"),
        ("unsafe class", "[|unsafe|] class C { }"),
        ("fixed", "class C { public int M(int[] a) { [|unsafe|] { [|fixed|] ([|int*|] p = a) { return *p; } } } }"),
        ("fixed-size buffer", "[|unsafe|] struct S { public [|fixed|] byte Buffer[16]; }"),
        ("stackalloc into a span", "class C { public int M() { System.Span<int> s = [|stackalloc|] int[4]; return s[0]; } }"),
        ("function pointer", "[|unsafe|] class C { public int M([|delegate|]*<int> f) => f(); }"),
        ("dynamic", "class C { public object M(object o) => (([|dynamic|])o).Anything(); }"),
        ("dynamic through an alias", "using D = [|dynamic|]; class C { public object M(object o) { [|D|] d = o; return d.Anything(); } }"),
        ("dynamic as a parameter", "class C { public object M([|dynamic|] d) => d.Anything(); }"),
        ("__makeref", "class C { public int M(int x) { var r = [|__makeref|](x); return [|__refvalue|](r, int); } }"),
        ("__arglist", "class C { public void M([|__arglist|]) { } public void N() => M([|__arglist|](1, 2)); }"),
        ("extern", "class C { [System.Runtime.InteropServices.DllImport(\"libc\")] public static [|extern|] int getpid(); }"),
        ("extern local function", "class C { public int M() { return getpid(); [System.Runtime.InteropServices.DllImport(\"libc\")] static [|extern|] int getpid(); } }"),
        ("assembly attribute", "[|[assembly: System.Reflection.AssemblyDescription(\"x\")]|] class C { }"),
        ("module attribute", "[|[module: System.CLSCompliant(false)]|] class C { }"),
        ("module initializer", "class C { [[|System.Runtime.CompilerServices.ModuleInitializer|]] internal static void Init() { } }"),
        ("finalizer", "class C { ~[|C|]() { } }"),
        ("lock", "class C { private readonly object _gate = new(); public void M() { [|lock|] (_gate) { } } }"),
        ("volatile", "class C { private [|volatile|] int _n; public int M() => _n; }"),
        ("async and await", "class C { public [|async|] System.Threading.Tasks.Task M() { [|await|] System.Threading.Tasks.Task.Yield(); } }"),
        ("async lambda", "class C { public System.Func<System.Threading.Tasks.Task> M() => [|async|] () => [|await|] System.Threading.Tasks.Task.Yield(); }"),
        ("a delegate type", "delegate int [|Compute|](int x);"),
        ("an event", "class C { public [|event|] System.Action? Changed; }"),
        ("a System namespace", "namespace [|System.Runtime.CompilerServices|] { class ModuleInitializerAttribute : System.Attribute { } }"),
        ("the test framework's namespace", "namespace [|NUnit.Framework|] { public sealed class SuccessException : System.Exception { } }"),
        ("the hidden suites' namespace", "namespace [|MemKata.Graders.Allocator|] { public sealed class Subject { } }"),
        ("a file-scoped framework namespace", "namespace [|Snapshooter.NUnit|]; public sealed class Snapshot { }"),
        ("a learner-declared module initializer attribute", """
            namespace [|System.Runtime.CompilerServices|]
            {
                public sealed class ModuleInitializerAttribute : System.Attribute { }
            }

            class C { [[|System.Runtime.CompilerServices.ModuleInitializer|]] internal static void Init() { } }
            """),
    ];

    public static IEnumerable<TestCaseData> Cases() => Features.Select(f => new TestCaseData(f.Source).SetName(f.Name));

    [TestCaseSource(nameof(Cases))]
    public Task Reports_the_feature(string source) =>
        ProjectBuilder.For<UsePlainSafeCSharpAnalyzer>().WithUnsafeBlocks().WithSourceCode(source).ValidateAsync();

    [TestCaseSource(nameof(Cases))]
    public Task Does_not_report_outside_learner_code(string source) =>
        ProjectBuilder.For<UsePlainSafeCSharpAnalyzer>().WithUnsafeBlocks().AsNonLearnerCode().WithSourceCode(source)
            .ExpectingNoDiagnostics().ValidateAsync();

    [Test]
    public Task Plain_code_is_not_reported() =>
        ProjectBuilder.For<UsePlainSafeCSharpAnalyzer>()
            .WithSourceCode("""
                using System;
                using System.Collections.Generic;

                namespace Exercise;

                public sealed record Block(ulong Address);

                public sealed class Plain : IDisposable
                {
                    private readonly List<Action> _listeners = [];

                    public IEnumerable<int> Numbers()
                    {
                        yield return 1;
                    }

                    public int M(Func<int, int> f, object o)
                    {
                        Span<int> values = new int[4];
                        _listeners.ForEach(listener => listener());
                        return f(values.Length) + (o is int i ? i : 0);
                    }

                    public void Dispose()
                    {
                    }
                }
                """)
            .ValidateAsync();
}
