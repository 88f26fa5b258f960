using MemKata.Analyzers.Rules;
using MemKata.Analyzers.Tests.Infrastructure;

namespace MemKata.Analyzers.Tests.Rules;

// Each forbidden area in several spellings: aliases, using static, method groups, generic type arguments, nameof,
// extension methods, implicit calls, attributes, default(T), is patterns, expression trees. Every case is a learner
// class body with the expected diagnostics marked [|...|]; the usings every case may use are at the top.
public partial class UseOnlyTheAllowedApiAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using IO = System.IO;
        using static System.Environment;
        using Env = System.Environment;

        """;

    private static readonly (string Name, string Body)[] Spellings =
    [
        // Reflection
        ("typeof", "public object M() => [|typeof(C)|];"),
        ("GetType", "public string M(object o) => [|o.GetType|]().Name;"),
        ("GetType on an exception", "public string M(Exception e) => [|e.GetType|]().Name;"),
        ("Type as a generic argument", "public int M() => [|new List<Type>()|].Count;"),
        ("Type in a declaration", "private [|Type?|] _type;"),
        ("Type as a method's parameter", "public void M([|Type|] t) { }"),
        ("Type through default", "public object? M() => [|default(Type)|];"),
        ("Type through an is pattern", "public bool M(object o) => [|o is Type|];"),
        ("Type through a declaration pattern", "public bool M(object o) => o is [|Type t|] && t.IsClass;"),
        ("Activator", "public object? M() => [|Activator.CreateInstance|](\"x\", \"y\");"),
        ("Delegate.Method", "public object M(Func<int> f) => [|f.Method|];"),
        ("DynamicInvoke", "public object? M(Func<int> f) => [|f.DynamicInvoke|]();"),
        ("Delegate.Target", "public object? M(Func<int> f) => [|f.Target|];"),
        ("CreateDelegate", "public object M() => [|Delegate.CreateDelegate|](null!, null!, \"M\");"),
        ("Delegate as a type", "public void M([|Delegate|] d) { }"),
        ("delegate combination", "public Action M(Action a, Action b) => [|a + b|];"),
        ("delegate +=", "public void M(Action a, Action b) { [|a += b|]; }"),
        ("delegate equality", "public bool M(Action a, Action b) => [|a == b|];"),
        ("RuntimeHelpers", "public object M() => [|System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject|](null!);"),
        ("Assembly", "public object M() => [|System.Reflection.Assembly.GetExecutingAssembly|]();"),
        ("AppDomain", "public object M() => [|AppDomain.CurrentDomain|];"),
        ("AppContext", "public string M() => [|AppContext.BaseDirectory|];"),
        ("Enum by Type", "public Array M() => [|Enum.GetValues|](typeof(DayOfWeek));"),
        ("expression trees", "public object M() { [|System.Linq.Expressions.Expression<Func<int>>|] e = () => 1; return e; }"),
        ("Queryable", "public object M(int[] a) => [|a.AsQueryable|]();"),
        // The dynamic binder and call sites, without the keyword
        ("the binder", "public object M() => [|Microsoft.CSharp.RuntimeBinder.Binder.Convert|](0, null!, null!);"),
        ("CallSite", "public object? M() => [|default(System.Runtime.CompilerServices.CallSite)|];"),
        // Native memory and unsafe helpers
        ("MemoryMarshal", "public Span<byte> M(Span<int> s) => [|System.Runtime.InteropServices.MemoryMarshal.AsBytes|](s);"),
        ("CollectionsMarshal", "public Span<int> M(List<int> l) => [|System.Runtime.InteropServices.CollectionsMarshal.AsSpan|](l);"),
        ("Unsafe", "public string M(object o) => [|System.Runtime.CompilerServices.Unsafe.As<string>|](o);"),
        ("Marshal", "public object M() => [|System.Runtime.InteropServices.Marshal.AllocHGlobal|](8);"),
        ("GCHandle", "public object M() => [|System.Runtime.InteropServices.GCHandle.Alloc|](this);"),
        ("IntPtr", "public [|nint|] M() => 0;"),
        // Files, network, processes, environment
        ("file through an alias", "public string M() => [|IO.File.ReadAllText|](\"/graders/x\");"),
        ("file as a method group", "public Func<string, string> M() => [|IO.File.ReadAllText|];"),
        ("file via nameof is fine, the call is not", "public string M() => nameof(IO.File) + [|IO.File.Exists|](nameof(M));"),
        ("network", "public object M() => [|new System.Net.Sockets.Socket(default, default, default)|];"),
        ("a process", "public object M() => [|System.Diagnostics.Process.GetCurrentProcess|]();"),
        ("Environment.Exit through using static", "public void M() => [|Exit|](0);"),
        ("Environment.Exit through an alias", "public void M() => [|Env.Exit|](0);"),
        ("Environment.Exit as a method group", "public Action<int> M() => [|Env.Exit|];"),
        ("environment variables", "public string? M() => [|GetEnvironmentVariable|](\"CI\");"),
        ("StackTrace", "public string M() => [|new System.Diagnostics.StackTrace()|].ToString();"),
        ("Exception.StackTrace", "public string? M(Exception e) => [|e.StackTrace|];"),
        ("Exception.TargetSite", "public object? M(Exception e) => [|e.TargetSite|];"),
        ("Exception.Data", "public object M(Exception e) => [|e.Data|];"),
        ("Debugger", "public bool M() => [|System.Diagnostics.Debugger.IsAttached|];"),
        // Threads, tasks, timers, atomics, the GC
        ("a thread", "public void M() => [|new System.Threading.Thread(() => { })|].Start();"),
        ("Task.Run", "public void M() => [|System.Threading.Tasks.Task.Run|](() => { });"),
        ("a task as a return type", "public [|System.Threading.Tasks.Task|] M() => null!;"),
        ("Interlocked", "private int _n; public int M() => [|System.Threading.Interlocked.Increment|](ref _n);"),
        ("Volatile", "private int _n; public int M() => [|System.Threading.Volatile.Read|](ref _n);"),
        ("a timer", "public object M() => [|new System.Threading.Timer(_ => { })|];"),
        ("Parallel LINQ", "public int M(int[] a) => [|a.AsParallel|]().Count();"),
        ("the GC", "public void M() => [|GC.Collect|]();"),
        // The console as an object
        ("Console.Out", "public object M() => [|Console.Out|];"),
        ("Console.SetOut", "public void M() => [|Console.SetOut|](null!);"),
        ("Console.OpenStandardOutput", "public object M() => [|Console.OpenStandardOutput|]();"),
        ("Console.ReadLine", "public string? M() => [|Console.ReadLine|]();"),
        // Implicit calls
        ("foreach over a forbidden enumerator", "public void M() { foreach (var x in [|System.IO.Directory.EnumerateFiles|](\"/\")) { } }"),
        ("an extension method", "public object M(int[] a) => [|a.AsQueryable|]();"),
        ("a forbidden constraint", "public T M<T>() where T : [|System.IO.Stream|] => default!;"),
        ("a forbidden generic method argument", "public int M() => [|Array.Empty<System.Threading.Thread>|]().Length;"),
        ("an attribute", "[[|System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)|]] public void M() { }"),
        ("a base type", "private sealed class Stream : [|System.IO.MemoryStream|] { }"),
        ("an interface", "private sealed class Provider : [|IServiceProvider|] { public object? GetService([|Type|] t) => null; }"),
        ("a caught type", "public void M() { try { } catch ([|System.IO.IOException|]) { } }"),
        ("Debug.Assert", "public void M() => [|System.Diagnostics.Debug.Assert|](true);"),
        ("a with on a forbidden type", "public object M() => [|new System.IO.FileInfo(\"x\")|];"),
        ("a cast", "public object M(object o) => [|(System.IO.Stream)o|];"),
        ("as", "public object? M(object o) => [|o as System.IO.Stream|];"),
    ];

    public static IEnumerable<TestCaseData> Cases() => Spellings.Select(c => new TestCaseData(c.Body).SetName(c.Name));

    [TestCaseSource(nameof(Cases))]
    public Task Reports_each_spelling(string body) =>
        ProjectBuilder.For<UseOnlyTheAllowedApiAnalyzer>()
            .WithSourceCode(Usings + "public partial class C\n{\n" + body + "\n}\n")
            .ValidateAsync();
}
