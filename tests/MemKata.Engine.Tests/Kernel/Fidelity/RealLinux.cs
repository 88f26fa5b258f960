using System.Diagnostics;
using System.Globalization;

namespace MemKata.Engine.Tests.Kernel.Fidelity;

/// <summary>
/// Measures the real machine the tests run on: compiles small C programs with gcc at test time and reads /proc. Missing
/// gcc or a non-Linux host fails the test loudly: a fidelity check that cannot measure must not pass.
/// </summary>
internal static class RealLinux
{
    private static readonly string WorkDirectory = Path.Combine(Path.GetTempPath(), "memkata-fidelity-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Fails the test unless this is Linux with gcc on the PATH.</summary>
    public static void Require()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Fail("fidelity tests measure the real Linux kernel: run them on Linux");
        }

        if (FindOnPath("gcc") is null)
        {
            Assert.Fail("fidelity tests need gcc to build their probes, and it is not on the PATH (apt-get install gcc)");
        }
    }

    /// <summary>Compiles <paramref name="source"/> (C) and returns the executable's path. Linked with BIND_NOW so that
    /// lazy symbol binding does not write to the GOT (a copy-on-write fault) in the middle of a measurement.</summary>
    public static string Compile(string name, string source)
    {
        Require();
        Directory.CreateDirectory(WorkDirectory);
        var c = Path.Combine(WorkDirectory, name + ".c");
        var exe = Path.Combine(WorkDirectory, name);
        File.WriteAllText(c, source);
        var (code, output) = Run("gcc", ["-O0", "-Wl,-z,now", "-o", exe, c]);
        if (code != 0)
        {
            Assert.Fail($"gcc failed to build the probe {name}:\n{output}");
        }

        return exe;
    }

    /// <summary>Runs a program to completion and returns its exit code and standard output (plus error).</summary>
    public static (int Code, string Output) Run(string program, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    /// <summary>A value in kB from a "Name: value kB" line of a /proc file.</summary>
    public static long KilobytesField(string procFile, string name)
    {
        foreach (var line in File.ReadLines(procFile))
        {
            if (line.StartsWith(name + ":", StringComparison.Ordinal))
            {
                var value = line[(name.Length + 1)..].Trim().Split(' ')[0];
                return long.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        Assert.Fail($"{procFile} has no {name} line");
        return 0;
    }

    /// <summary>The one integer in a /proc sysctl or score file.</summary>
    public static long Number(string procFile) => long.Parse(File.ReadAllText(procFile).Trim(), CultureInfo.InvariantCulture);

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
