using MemKata.Analyzers.Rules;
using MemKata.Analyzers.Tests.Infrastructure;

namespace MemKata.Analyzers.Tests.Rules;

public class DoNotUseFileOrNetworkIoAnalyzerTests
{
    private const string ReadsAFile = """
        using System.IO;

        class Tunables
        {
            public string Load() => [|File.ReadAllText|]("/grader/hidden-tests.cs");
        }
        """;

    [Test]
    public Task Reports_a_file_read_in_learner_code() =>
        ProjectBuilder.For<DoNotUseFileOrNetworkIoAnalyzer>().WithSourceCode(ReadsAFile).ValidateAsync();

    [Test]
    public Task Does_not_report_a_file_read_outside_learner_code() =>
        ProjectBuilder.For<DoNotUseFileOrNetworkIoAnalyzer>().AsNonLearnerCode().WithSourceCode(ReadsAFile)
            .ExpectingNoDiagnostics().ValidateAsync();

    [Test]
    public Task Reports_the_whole_qualified_name_once() =>
        ProjectBuilder.For<DoNotUseFileOrNetworkIoAnalyzer>()
            .WithSourceCode("""
                class Leak
                {
                    public bool Probe() => [|System.IO.File.Exists|]("/results.json");
                }
                """)
            .ValidateAsync();

    [Test]
    public Task Reports_streams_directories_and_sockets() =>
        ProjectBuilder.For<DoNotUseFileOrNetworkIoAnalyzer>()
            .WithSourceCode("""
                using System.IO;

                class Leak
                {
                    public void Run()
                    {
                        using var stream = new [|FileStream|]("x", FileMode.Open);
                        var files = [|Directory.GetFiles|](".");
                        using var reader = new [|StreamReader|]("notes.txt");
                        using var client = new [|System.Net.Http.HttpClient|]();
                    }
                }
                """)
            .ValidateAsync();

    [Test]
    public Task Does_not_report_streams_in_memory_nor_console_output() =>
        ProjectBuilder.For<DoNotUseFileOrNetworkIoAnalyzer>()
            .WithSourceCode("""
                using System;
                using System.IO;

                class Debugging
                {
                    public void Run(Stream stream)
                    {
                        using var reader = new StreamReader(stream);
                        using var memory = new MemoryStream();
                        Console.WriteLine(reader.ReadToEnd());
                        Console.WriteLine(nameof(File));
                    }
                }
                """)
            .ValidateAsync();

    [Test]
    public Task Reports_a_target_typed_new_on_a_path_once() =>
        ProjectBuilder.For<DoNotUseFileOrNetworkIoAnalyzer>()
            .WithSourceCode("""
                using System.IO;

                class Leak
                {
                    public string Read()
                    {
                        StreamReader reader = [|new("notes.txt")|];
                        [|FileInfo|] info = new("notes.txt");
                        return reader.ReadToEnd() + info.Length;
                    }
                }
                """)
            .ValidateAsync();
}
