using MemKata.Analyzers.Rules;
using MemKata.Analyzers.Tests.Infrastructure;

namespace MemKata.Analyzers.Tests.Rules;

public class DoNotUseNativeInteropAnalyzerTests
{
    private const string CallsTheHostMalloc = """
        using System;
        using System.Runtime.InteropServices;

        static partial class HostHeap
        {
            [[|DllImport|]("libc")]
            private static extern IntPtr malloc(nuint size);

            [[|LibraryImport|]("libc")]
            private static partial IntPtr free(IntPtr pointer);

            public static IntPtr Get(int size) => [|Marshal.AllocHGlobal|](size);
        }
        """;

    [Test]
    public Task Reports_imports_and_marshal() =>
        ProjectBuilder.For<DoNotUseNativeInteropAnalyzer>().WithSourceCode(CallsTheHostMalloc).IgnoringCompilerErrors()
            .ValidateAsync();

    [Test]
    public Task Does_not_report_interop_outside_learner_code() =>
        ProjectBuilder.For<DoNotUseNativeInteropAnalyzer>().AsNonLearnerCode().WithSourceCode(CallsTheHostMalloc)
            .IgnoringCompilerErrors().ExpectingNoDiagnostics().ValidateAsync();

    [Test]
    public Task Reports_native_memory_and_native_library() =>
        ProjectBuilder.For<DoNotUseNativeInteropAnalyzer>()
            .WithSourceCode("""
                using System.Runtime.InteropServices;

                class HostHeap
                {
                    public void Run()
                    {
                        [|NativeLibrary.Load|]("libc.so.6");
                        [|NativeMemory.Free|](null);
                    }
                }
                """)
            .IgnoringCompilerErrors()
            .ValidateAsync();

    [Test]
    public Task Does_not_report_struct_layout_attributes() =>
        ProjectBuilder.For<DoNotUseNativeInteropAnalyzer>()
            .WithSourceCode("""
                using System.Runtime.InteropServices;

                [StructLayout(LayoutKind.Sequential)]
                struct Header
                {
                    public ulong Size;
                }
                """)
            .ValidateAsync();
}
