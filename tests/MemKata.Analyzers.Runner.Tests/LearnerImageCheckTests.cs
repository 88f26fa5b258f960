using MemKata.Analyzers.Runner.Image;
using MemKata.Analyzers.Runner.Tests.Infrastructure;

namespace MemKata.Analyzers.Runner.Tests;

// The image check on its own: each forbidden construct, compiled with no analyzer at all, is found in the image. Each
// case is a small learner class and a piece of the finding's symbol (a documentation ID, an assembly, a construct).
public class LearnerImageCheckTests
{
    private static readonly (string Name, string Body, string Expected, bool Unsafe)[] Cases =
    [
        ("file I/O", """public string M() => System.IO.File.ReadAllText("/graders/x");""", "M:System.IO.File.ReadAllText", false),
        ("type by name", """public object? M() => System.Type.GetType("System.IO.File");""", "M:System.Type.GetType", false),
        ("typeof then a member", """public object M() => typeof(C).Assembly;""", "M:System.Type.GetTypeFromHandle", false),
        ("GetType", """public string M() => GetType().Assembly.FullName!;""", "M:System.Object.GetType", false),
        ("Activator", """public object? M() => System.Activator.CreateInstance(typeof(C));""", "M:System.Activator.CreateInstance", false),
        ("delegate Method", """public object M(System.Func<int> f) => f.Method;""", "M:System.Delegate.get_Method", false),
        ("DynamicInvoke", """public object? M(System.Func<int> f) => f.DynamicInvoke();""", "M:System.Delegate.DynamicInvoke", false),
        ("CreateDelegate", """public object M() => System.Delegate.CreateDelegate(typeof(System.Action), this, "M");""", "M:System.Delegate.CreateDelegate", false),
        ("dynamic", """public object M(object o) => ((dynamic)o).Anything();""", "assembly Microsoft.CSharp", false),
        ("the binder without dynamic", """public object M(object o) => Microsoft.CSharp.RuntimeBinder.Binder.Convert(0, typeof(int), typeof(C));""", "assembly Microsoft.CSharp", false),
        ("RuntimeHelpers", """public object M() => System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(C));""", "RuntimeHelpers.GetUninitializedObject", false),
        ("Marshal", """public nint M() => System.Runtime.InteropServices.Marshal.AllocHGlobal(8);""", "M:System.Runtime.InteropServices.Marshal.AllocHGlobal", false),
        ("NativeMemory", """public unsafe void* M() => System.Runtime.InteropServices.NativeMemory.Alloc(8);""", "NativeMemory.Alloc", true),
        ("Unsafe.As in learner code", """public string M(object o) => System.Runtime.CompilerServices.Unsafe.As<string>(o);""", "M:System.Runtime.CompilerServices.Unsafe.As``1", false),
        ("MemoryMarshal", """public System.Span<byte> M(System.Span<int> s) => System.Runtime.InteropServices.MemoryMarshal.AsBytes(s);""", "MemoryMarshal.AsBytes", false),
        ("MemoryMarshal.CreateSpan outside the helpers", """public System.Span<int> M(ref int x) => System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref x, 100);""", "MemoryMarshal.CreateSpan", false),
        ("GCHandle", """public object M() => System.Runtime.InteropServices.GCHandle.Alloc(this);""", "GCHandle", false),
        ("pointers", """public unsafe int M(int* p) => *p;""", "a pointer", true),
        ("fixed", """public unsafe int M(int[] a) { fixed (int* p = a) { return *p; } }""", "a p", true),
        ("stackalloc", """public int M() { System.Span<int> s = stackalloc int[4]; return s[0]; }""", "localloc", false),
        ("function pointers", """public unsafe int M(delegate*<int> f) => f();""", "a function pointer", true),
        ("__makeref", """public int M(int x) { var r = __makeref(x); return __refvalue(r, int); }""", "typed reference", false),
        ("__arglist", """public void M(__arglist) { } public void N() => M(__arglist(1, 2));""", "arglist", false),
        ("DllImport", """[System.Runtime.InteropServices.DllImport("libc")] public static extern nint malloc(nint size);""", "native function", false),
        ("internal call", """[System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)] public static extern int Secret();""", "M:C.Secret", false),
        ("module initializer", """[System.Runtime.CompilerServices.ModuleInitializer] public static void Init() { }""", "<Module>..cctor", false),
        ("finalizer", """~C() { }""", "M:C.Finalize", false),
        ("Thread", """public void M() => new System.Threading.Thread(() => { }).Start();""", "System.Threading.Thread", false),
        ("Task.Run", """public object M() => System.Threading.Tasks.Task.Run(() => 1);""", "Task", false),
        ("async", """public async System.Threading.Tasks.Task<int> M() { await System.Threading.Tasks.Task.Yield(); return 1; }""", "System.Runtime.CompilerServices.AsyncTaskMethodBuilder", false),
        ("lock", """private readonly object _gate = new(); public int M() { lock (_gate) { return 1; } }""", "System.Threading.Monitor", false),
        ("Interlocked", """private int _n; public int M() => System.Threading.Interlocked.Increment(ref _n);""", "Interlocked", false),
        ("volatile", """private volatile int _n; public int M() => _n;""", "IsVolatile", false),
        ("an event", """public event System.Action? Changed; public void M() => Changed?.Invoke();""", "System.Threading.Interlocked", false),
        ("delegate +", """public System.Action M(System.Action a, System.Action b) => a + b;""", "M:System.Delegate.Combine", false),
        ("Environment.Exit", """public void M() => System.Environment.Exit(0);""", "M:System.Environment.Exit", false),
        ("environment variables", """public string? M() => System.Environment.GetEnvironmentVariable("CI");""", "GetEnvironmentVariable", false),
        ("Process", """public void M() => System.Diagnostics.Process.Start("sh");""", "assembly System.Diagnostics.Process", false),
        ("StackTrace", """public string M() => new System.Diagnostics.StackTrace().ToString();""", "System.Diagnostics.StackTrace", false),
        ("Exception.StackTrace", """public string? M(System.Exception e) => e.StackTrace;""", "M:System.Exception.get_StackTrace", false),
        ("GC", """public void M() => System.GC.Collect();""", "M:System.GC.Collect", false),
        ("Console.SetOut", """public void M() => System.Console.SetOut(System.IO.TextWriter.Null);""", "M:System.Console.SetOut", false),
        ("Console.OpenStandardOutput", """public object M() => System.Console.OpenStandardOutput();""", "M:System.Console.OpenStandardOutput", false),
        ("Console.Out", """public object M() => System.Console.Out;""", "M:System.Console.get_Out", false),
        ("AppContext", """public string M() => System.AppContext.BaseDirectory;""", "System.AppContext", false),
        ("explicit layout", """[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Explicit)] public struct U { [System.Runtime.InteropServices.FieldOffset(0)] public int A; [System.Runtime.InteropServices.FieldOffset(0)] public float B; }""", "StructLayout", false),
        ("expression trees", """public object M() { System.Linq.Expressions.Expression<System.Func<int>> e = () => 1; return e; }""", "System.Linq.Expressions", false),
        ("Enum by Type", """public System.Array M() => System.Enum.GetValues(typeof(System.DayOfWeek));""", "M:System.Enum.GetValues(System.Type)", false),
        ("a forbidden generic argument", """public object M() => new System.Collections.Generic.List<System.Threading.Thread>();""", "System.Threading.Thread", false),
    ];

    private const string Assembly = """
        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("MemKata.Graders.Allocator")]
        public class C { }
        """;

    public static IEnumerable<TestCaseData> Constructs() =>
        Cases.Select(c => new TestCaseData(c.Body, c.Expected, c.Unsafe).SetName(c.Name));

    [TestCaseSource(nameof(Constructs))]
    public void The_construct_is_found_in_the_image(string body, string expected, bool allowUnsafe)
    {
        var image = Images.Compile("public partial class C\n{\n" + body + "\n}\n", allowUnsafe: allowUnsafe);

        var findings = LearnerImageCheck.Check(image);

        Assert.That(findings.Select(f => f.Symbol + ": " + f.Message), Has.Some.Contains(expected));
    }

    [Test]
    public void An_assembly_attribute_is_found()
    {
        var findings = LearnerImageCheck.Check(Images.Compile(Assembly));

        Assert.That(findings.Select(f => f.Symbol), Does.Contain("T:System.Runtime.CompilerServices.InternalsVisibleToAttribute"));
    }

    [Test]
    public void A_learner_declared_copy_of_a_compiler_attribute_is_found_on_the_assembly()
    {
        var findings = LearnerImageCheck.Check(Images.Compile("""
            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("MemKata.Graders.Allocator")]

            namespace System.Runtime.CompilerServices
            {
                [System.AttributeUsage(System.AttributeTargets.Assembly, AllowMultiple = true)]
                public sealed class InternalsVisibleToAttribute(string name) : System.Attribute
                {
                    public string Name { get; } = name;
                }
            }
            """));

        Assert.That(findings.Select(f => f.Symbol), Does.Contain("T:System.Runtime.CompilerServices.InternalsVisibleToAttribute"));
    }

    [Test]
    public void Typeof_outside_a_records_equality_contract_is_found()
    {
        var findings = LearnerImageCheck.Check(Images.Compile("public class C { public object M() => typeof(C); }"));

        Assert.That(findings.Select(f => f.Message), Has.Some.Contains("only the compiler's own helpers may use"));
    }

    [Test]
    public void The_pointer_span_constructor_outside_constant_data_is_found()
    {
        var findings = LearnerImageCheck.Check(Images.Compile(
            "public class C { public unsafe byte M() { var x = 1; var s = new System.ReadOnlySpan<byte>(&x, 4); return s[0]; } }",
            allowUnsafe: true));

        Assert.That(findings.Select(f => f.Symbol), Does.Contain("M:System.ReadOnlySpan`1.#ctor(System.Void*,System.Int32)"));
    }

    [Test]
    public void An_image_that_is_not_an_assembly_is_one_finding_not_an_exception()
    {
        Assert.That(LearnerImageCheck.Check([0x4D, 0x5A, 1, 2, 3]).Select(f => f.Symbol), Is.EqualTo(new[] { "image" }));
    }

    [Test]
    public void An_image_larger_than_the_limit_is_one_finding_not_a_read()
    {
        var findings = LearnerImageCheck.Check(new byte[LearnerImageCheck.MaxImageBytes + 1]);

        Assert.That(findings.Select(f => f.Symbol + ": " + f.Message), Is.EqualTo(new[]
        {
            "image: the compiled code is 4 MiB, more than the 4 MiB a submission may compile to (a huge constant or generated code?)",
        }));
    }

    [Test]
    public void A_signature_larger_than_the_limit_is_refused_not_decoded()
    {
        // Each line doubles the local's tuple type: ten lines make a signature of a few KiB from a few hundred bytes.
        var lines = string.Concat(Enumerable.Range(1, 10).Select(i => $"var t{i} = (t{i - 1}, t{i - 1});\n"));
        var findings = LearnerImageCheck.Check(Images.Compile("public class C { public object M() { var t0 = (1, 2);\n" + lines + "return t10; } }"));

        Assert.That(findings.Select(f => f.Symbol), Has.Some.EqualTo("signature"));
    }

    [Test]
    public void A_type_nested_deeper_than_the_limit_is_refused()
    {
        var depth = MetadataApiNames.MaxNesting + 2;
        var source = string.Concat(Enumerable.Range(0, depth).Select(i => $"public class N{i} {{ ")) + new string('}', depth);

        var findings = LearnerImageCheck.Check(Images.Compile(source));

        Assert.That(findings.Select(f => f.Message), Has.Some.Contains("nested more than"));
    }

    [Test]
    public void An_empty_class_has_no_finding()
    {
        Assert.That(LearnerImageCheck.Check(Images.Compile("public class C { }")), Is.Empty);
    }
}
