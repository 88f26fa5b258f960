using System.Diagnostics;
using System.Globalization;

namespace MemKata.Cli.Tests.Commands;

/// <summary>
/// The inputs of the corpus marked <c>child: true</c> (the FIFOs, devices, 200 MB files, deep nesting and huge numbers),
/// run as a user runs them: <c>dotnet memkata.dll ...</c> in a process of its own, its exit code as the shell sees it,
/// its peak resident memory polled from <c>/proc</c>, killed if it is still running after 60 s.
/// </summary>
[NonParallelizable]
public class MalformedInputChildProcessTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        MalformedInputCase.All.Where(c => c.Child).Select(c => new TestCaseData(c).SetName(c + " (child process)"));

    [Test]
    public void A_sample_of_at_least_15_inputs_runs_as_child_processes() =>
        Assert.That(MalformedInputCase.All.Count(c => c.Child), Is.GreaterThanOrEqualTo(15));

    [TestCaseSource(nameof(Cases))]
    public void Ends_with_the_expected_code_and_message_in_a_process_of_its_own(MalformedInputCase input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Assume.That(OperatingSystem.IsLinux(), "memory is read from /proc");
        var tmp = Directory.CreateTempSubdirectory("memkata-malformed-").FullName;
        try
        {
            input.Prepare(tmp);
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "memkata.dll"));
            foreach (var argument in input.Arguments(tmp))
            {
                info.ArgumentList.Add(argument);
            }

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(info)!;
            process.StandardInput.Close();
            var stdout = Drain(process.StandardOutput);
            var stderr = process.StandardError.ReadToEndAsync();
            long peak = 0;
            while (!process.WaitForExit(20))
            {
                peak = Math.Max(peak, PeakMemory.Of(process.Id.ToString(CultureInfo.InvariantCulture)) ?? 0);
                if (clock.Elapsed > MalformedInputTests.TimeLimit)
                {
                    process.Kill(entireProcessTree: true);
                    Assert.Fail($"still running after {MalformedInputTests.TimeLimit.TotalSeconds} s");
                }
            }

            clock.Stop();
            Record(input, process.ExitCode, clock.Elapsed, peak);
            MalformedInputTests.Check(input, process.ExitCode, stdout.Result, stderr.Result);
            Assert.That(peak, Is.LessThan(MalformedInputTests.MemoryLimit), "peak resident memory");
        }
        finally
        {
            Directory.Delete(tmp, recursive: true);
        }
    }

    // Standard output is read as it comes and only its first megabyte kept.
    private static async Task<string> Drain(StreamReader reader)
    {
        var kept = new CappedWriter(1 << 20);
        var buffer = new char[1 << 16];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            kept.Write(buffer, 0, read);
        }

        return kept.ToString();
    }

    private static void Record(MalformedInputCase input, int exitCode, TimeSpan elapsed, long peak)
    {
        if (Environment.GetEnvironmentVariable("MEMKATA_ROBUSTNESS_REPORT") is { Length: > 0 } file)
        {
            File.AppendAllText(file, string.Create(CultureInfo.InvariantCulture,
                $"child\t{input.Kind}\t{input}\t{exitCode}\t{elapsed.TotalSeconds:0.000}\t{peak / 1048576.0:0}\n"));
        }
    }
}
