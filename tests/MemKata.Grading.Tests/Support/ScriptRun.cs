using System.Diagnostics;

namespace MemKata.Grading.Tests.Support;

/// <summary>One run of a shell script in a child process, with its own environment additions and a time limit; its
/// exit code, output and duration. A script still running at the limit is killed with its children and reported as
/// exit code -1.</summary>
internal sealed record ScriptRun(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    // Set by `dotnet test` for the test host; a `dotnet build` started from a test must find its own SDK instead.
    private static readonly string[] _hostVariables = ["MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly", "MSBUILD_EXE_PATH"];

    /// <summary>Runs <c>bash <paramref name="script"/></c> in <paramref name="workingDirectory"/>, this process's
    /// environment plus <paramref name="environment"/>.</summary>
    public static ScriptRun Bash(string script, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan limit) =>
        Run("bash", [script], workingDirectory, environment, limit);

    /// <summary>Runs the executable <paramref name="program"/> itself (its <c>#!</c> line and executable bit are
    /// tested too), as <see cref="Bash"/> does otherwise.</summary>
    public static ScriptRun Execute(string program, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan limit) =>
        Run(program, [], workingDirectory, environment, limit);

    private static ScriptRun Run(
        string program, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan limit)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in _hostVariables)
        {
            info.Environment.Remove(name);
        }

        // No build server may outlive the script: it would keep the output pipes open.
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["UseSharedCompilation"] = "false";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ScriptRun(-1, stdout.Result, stderr.Result + $"\n(killed: still running after {limit.TotalSeconds:0} s)", clock.Elapsed);
        }

        process.WaitForExit();
        return new ScriptRun(process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }

    /// <summary>Everything the script printed, for an assertion's message.</summary>
    public override string ToString() => $"exit {ExitCode} after {Elapsed.TotalSeconds:0.0} s\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
