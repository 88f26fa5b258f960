using System.Diagnostics;
using MemKata.Grading.Native;

namespace MemKata.Grading.Sandbox;

/// <summary>Finds out once per process what <see cref="SandboxStatus"/> this machine has: looks for <c>bwrap</c>,
/// <c>setpriv</c> and <c>prlimit</c>, then starts the .NET host in the sandbox exactly as a worker would start
/// (<c>dotnet --list-runtimes</c>) and keeps bwrap's own words when that fails (no user namespaces in a container, an
/// AppArmor rule, an unreadable runtime folder).</summary>
public static class SandboxProbe
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(10);
    private static readonly Lazy<SandboxStatus> _machine = new(Detect);

    /// <summary>This machine's sandbox, probed on first use.</summary>
    public static SandboxStatus Machine => _machine.Value;

    private static SandboxStatus Detect()
    {
        if (!OperatingSystem.IsLinux())
        {
            return new SandboxStatus(null, null, false, null, null);
        }

        var prlimit = File.Exists("/usr/bin/prlimit") ? "/usr/bin/prlimit" : null;
        var candidate = new SandboxStatus(
            ExecutableSearch.Find("bwrap"), null, UnixSignals.IsRoot, ExecutableSearch.Find("setpriv"), prlimit);
        if (candidate.Bubblewrap is null)
        {
            return candidate;
        }

        var problem = Try(BubblewrapCommand.Create(
            candidate, [], new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" }, ProcessLimits.Compile,
            [DotnetRuntime.Host, "--list-runtimes"]));
        return candidate with { BubblewrapProblem = problem };
    }

    // Null when the command ran and exited 0; otherwise the first line it wrote on standard error, or why it did not end.
    private static string? Try(ProcessStartInfo start)
    {
        try
        {
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(_timeout))
            {
                process.Kill(entireProcessTree: true);
                return $"it did not start within {_timeout.TotalSeconds:0} s";
            }

            if (process.ExitCode == 0)
            {
                return null;
            }

            output.Wait(_timeout);
            var line = (error.Wait(_timeout) ? error.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() : null)?.Trim();
            var why = string.IsNullOrEmpty(line) ? $"it exited with code {process.ExitCode}" : line;
            return why.Length > 200 ? why[..200] : why;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return e.Message;
        }
    }
}
