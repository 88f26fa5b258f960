using System.Diagnostics;

namespace MemKata.Oracle;

/// <summary>Runs a program to completion and captures its output, in an environment stripped of everything that changes
/// how glibc's malloc behaves (<c>GLIBC_TUNABLES</c>, <c>MALLOC_*</c>) or which C library is loaded (<c>LD_*</c>).</summary>
internal static class ChildProcess
{
    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> and waits for it; a run that outlasts
    /// <paramref name="timeout"/> is killed and reported with <see cref="GlibcOracleException"/>, as is a program that
    /// cannot be started.</summary>
    public static ChildProcessResult Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(AffectsMalloc).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new GlibcOracleException($"cannot start {Describe(fileName, start.ArgumentList)}: {e.Message}", e);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new GlibcOracleException($"{Describe(fileName, start.ArgumentList)} did not finish within {timeout}; it was killed");
        }

        process.WaitForExit();
        return new ChildProcessResult(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }

    /// <summary>The command line as a person would type it, for messages.</summary>
    public static string Describe(string fileName, IEnumerable<string> arguments) =>
        string.Join(' ', arguments.Prepend(fileName).Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a));

    private static bool AffectsMalloc(string name) =>
        name.StartsWith("MALLOC_", StringComparison.Ordinal)
        || name.StartsWith("LD_", StringComparison.Ordinal)
        || name == "GLIBC_TUNABLES";
}
