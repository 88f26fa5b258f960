using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MemKata.Grading.Model;
using MemKata.Grading.Worker.Protocol;

namespace MemKata.Grading.Steps;

/// <summary>
/// Step 5, one run of the test process: starts the worker (<c>dotnet MemKata.Grading.Worker.dll</c>) with a hard
/// managed-heap limit, sends it the request on standard input, reads its nonce-prefixed result lines as they come, and
/// watches it from outside: a test running past the per-test limit, the run past its deadline, or resident memory past
/// twice the heap limit gets the whole process tree killed. Whatever happens, returns what was reported before the end
/// and why the process ended.
/// </summary>
internal static class WorkerProcess
{
    /// <summary>The environment variable that makes a grader's snapshot checks write snapshots instead of comparing.</summary>
    public const string UpdateSnapshotsVariable = "MEMKATA_UPDATE_SNAPSHOTS";

    /// <summary>How many times the per-test limit a test may take in wall-clock time (waiting, not computing).</summary>
    public const int WallFactor = 3;

    private const int MaxStderrChars = 16 * 1024;
    private static readonly TimeSpan _poll = TimeSpan.FromMilliseconds(20);

    private static readonly HashSet<string> _inheritedVariables = new(StringComparer.Ordinal)
    {
        "PATH", "HOME", "TMPDIR", "TEMP", "TMP", "LANG", "LC_ALL", "DOTNET_ROOT", "DOTNET_ROOT_X64", "DOTNET_ROOT_ARM64",
        "SystemRoot", "USERPROFILE",
    };

    /// <summary>What one run reported.</summary>
    /// <param name="Discovered">The suite's tests, or null if the process died before listing them.</param>
    /// <param name="Finished">Finished-test events, in order.</param>
    /// <param name="InProgress">The test that had started and not finished when the process ended, if any.</param>
    /// <param name="Failure">Why the process ended before its end, or null when it completed.</param>
    /// <param name="WorkerError">The worker's own report that it could not run the suite, if it sent one.</param>
    public sealed record Result(
        IReadOnlyList<DiscoveredTest>? Discovered,
        IReadOnlyList<WorkerEvent> Finished,
        string? InProgress,
        string? Failure,
        string? WorkerError);

    /// <summary>Runs the suite at <paramref name="suitePath"/> without the tests in <paramref name="exclude"/>.</summary>
    public static Result Run(
        string suitePath,
        IReadOnlyCollection<string> exclude,
        GradingLimits limits,
        DateTime deadlineUtc,
        bool updateSnapshots)
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        using var process = new Process { StartInfo = StartInfo(suitePath, limits, updateSnapshots) };
        var gate = new Lock();
        IReadOnlyList<DiscoveredTest>? discovered = null;
        var finished = new List<WorkerEvent>();
        string? inProgress = null;
        string? workerError = null;
        var done = false;
        var clock = Stopwatch.StartNew();
        var lastEvent = TimeSpan.Zero;
        var stderr = new StringBuilder();

        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line || !line.StartsWith(nonce + " ", StringComparison.Ordinal))
            {
                return;
            }

            WorkerEvent? message;
            try
            {
                message = JsonSerializer.Deserialize<WorkerEvent>(line.AsSpan(nonce.Length + 1), WorkerJson.Options);
            }
            catch (JsonException)
            {
                return;
            }

            lock (gate)
            {
                lastEvent = clock.Elapsed;
                switch (message?.Kind)
                {
                    case WorkerEventKinds.Discovered:
                        discovered ??= message.Tests ?? [];
                        break;
                    case WorkerEventKinds.Started:
                        inProgress = message.FullName;
                        break;
                    case WorkerEventKinds.Finished:
                        finished.Add(message);
                        inProgress = null;
                        break;
                    case WorkerEventKinds.Done:
                        done = true;
                        break;
                    case WorkerEventKinds.Error:
                        workerError = message.Message;
                        break;
                    default:
                        break;
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (gate)
            {
                if (e.Data is { } line && stderr.Length < MaxStderrChars)
                {
                    stderr.AppendLine(line);
                }
            }
        };

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.WriteLine(JsonSerializer.Serialize(
            new WorkerRequest(nonce, suitePath, [.. exclude]), WorkerJson.Options));
        process.StandardInput.Close();

        var kill = Watch(process, limits, deadlineUtc, clock, gate, () => (inProgress, lastEvent));
        process.WaitForExit();
        lock (gate)
        {
            var exitCode = process.ExitCode;
            var completed = done && exitCode == 0 && kill == CrashClassifier.Kill.None;
            var failure = completed
                ? null
                : CrashClassifier.Describe(kill, limits.TestTimeout, limits.MemoryMegabytes, exitCode, stderr.ToString());
            return new Result(discovered, finished, inProgress, failure, workerError);
        }
    }

    // A test's time is the CPU time the process spends while it runs, so a loaded grading machine (a class graded in
    // parallel, a CI runner) does not turn a slow honest test into a timeout; a test that waits instead of computing is
    // caught by the wall clock, at WallFactor times the limit.
    private static CrashClassifier.Kill Watch(
        Process process,
        GradingLimits limits,
        DateTime deadlineUtc,
        Stopwatch clock,
        Lock gate,
        Func<(string? InProgress, TimeSpan LastEvent)> state)
    {
        // Loading the suite, a fixture's set-up and JIT-compiling on a cold machine happen between tests: a wide margin.
        var quietLimit = (WallFactor * limits.TestTimeout) + TimeSpan.FromSeconds(10);
        var memoryLimit = 2L * limits.MemoryMegabytes * 1024 * 1024;
        var markedEvent = TimeSpan.MinValue;
        var cpuAtEvent = TimeSpan.Zero;
        while (!process.WaitForExit(_poll))
        {
            var reason = CrashClassifier.Kill.None;
            (string? inProgress, TimeSpan lastEvent) current;
            lock (gate)
            {
                current = state();
            }

            var cpu = ProcessorTime(process);
            if (current.lastEvent != markedEvent)
            {
                markedEvent = current.lastEvent;
                cpuAtEvent = cpu;
            }

            var quiet = clock.Elapsed - current.lastEvent;
            if (DateTime.UtcNow > deadlineUtc)
            {
                reason = CrashClassifier.Kill.RunTimeout;
            }
            else if (current.inProgress is not null && cpu - cpuAtEvent > limits.TestTimeout)
            {
                reason = CrashClassifier.Kill.TestTimeout;
            }
            else if ((current.inProgress is not null && quiet > WallFactor * limits.TestTimeout) || quiet > quietLimit)
            {
                reason = CrashClassifier.Kill.TestWallTimeout;
            }
            else if (ResidentBytes(process) > memoryLimit)
            {
                reason = CrashClassifier.Kill.Memory;
            }

            if (reason != CrashClassifier.Kill.None)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It ended by itself in the meantime.
                }

                return reason;
            }
        }

        return CrashClassifier.Kill.None;
    }

    private static TimeSpan ProcessorTime(Process process)
    {
        try
        {
            return process.TotalProcessorTime;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // The process ended between two looks.
            return TimeSpan.Zero;
        }
    }

    private static long ResidentBytes(Process process)
    {
        try
        {
            process.Refresh();
            return process.WorkingSet64;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // The process ended between two looks.
            return 0;
        }
    }

    private static ProcessStartInfo StartInfo(string suitePath, GradingLimits limits, bool updateSnapshots)
    {
        var info = new ProcessStartInfo(DotnetHost.Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(suitePath)!,
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Path.Combine(CompileReferences.WorkerDirectory, "MemKata.Grading.Worker.dll"));

        // The child gets a minimal environment: whatever the grading machine keeps in its own (a CI token, a
        // Gradescope secret) is not there for learner code to find.
        var inherited = info.Environment
            .Where(pair => _inheritedVariables.Contains(pair.Key) || IsSnapshotFolderVariable(pair.Key))
            .ToList();
        info.Environment.Clear();
        foreach (var (name, value) in inherited)
        {
            info.Environment[name] = value;
        }

        info.Environment["DOTNET_GCHeapHardLimit"] = "0x" + ((long)limits.MemoryMegabytes * 1024 * 1024).ToString("X", System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        info.Environment["DOTNET_EnableCrashReport"] = "0";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_TieredPGO"] = "0";
        info.Environment["SNAPSHOOTER_STRICT_MODE"] = updateSnapshots ? "false" : "true";
        info.Environment.Remove(UpdateSnapshotsVariable);
        if (updateSnapshots)
        {
            info.Environment[UpdateSnapshotsVariable] = "1";
        }

        return info;
    }

    // MEMKATA_<SLUG>_SNAPSHOTS: where a hidden suite finds its snapshots, when an instructor moves them (docs/EXERCISES.md).
    private static bool IsSnapshotFolderVariable(string name) =>
        name.StartsWith("MEMKATA_", StringComparison.Ordinal) && name.EndsWith("_SNAPSHOTS", StringComparison.Ordinal);

    /// <summary>The <c>dotnet</c> host that runs this process, found from the runtime's own folder
    /// (<c>&lt;root&gt;/shared/Microsoft.NETCore.App/&lt;version&gt;/</c>), else <c>dotnet</c> on PATH.</summary>
    private static class DotnetHost
    {
        public static string Path { get; } = Find();

        private static string Find()
        {
            var name = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";
            var runtime = RuntimeEnvironment.GetRuntimeDirectory();
            var root = System.IO.Path.GetFullPath(System.IO.Path.Combine(runtime, "..", "..", ".."));
            var candidate = System.IO.Path.Combine(root, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            var fromEnvironment = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return File.Exists(fromEnvironment) ? fromEnvironment : name;
        }
    }
}
