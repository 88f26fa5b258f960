using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MemKata.Grading.Worker.Protocol;

namespace MemKata.Grading.Sandbox;

/// <summary>
/// One worker process, started in the sandbox (or, where there is none, as a plain child in a process group of its
/// own) with its request as the first line of its standard input: its result lines, read through an
/// <see cref="OutputChannel"/> and handed over only when they carry the request's nonce; the start of its standard
/// error (what the runtime says when it dies); its process tree. Disposing it kills the whole tree and waits for it,
/// within a deadline: once it is disposed, nothing the worker started is left running (under bubblewrap the pid
/// namespace guarantees it; without, a process that left the group may survive, which the report says).
/// </summary>
internal sealed class RunningWorker : IDisposable
{
    private const int MaxStderrBytes = 16 * 1024;
    private static readonly TimeSpan _exitDeadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan _drainDeadline = TimeSpan.FromSeconds(2);

    private static readonly string[] _inheritedVariables =
    [
        "PATH", "HOME", "TMPDIR", "TEMP", "TMP", "LANG", "LC_ALL", "DOTNET_ROOT", "DOTNET_ROOT_X64", "DOTNET_ROOT_ARM64",
        "SystemRoot", "USERPROFILE",
    ];

    private readonly Process _process;
    private readonly string _nonce;
    private readonly string? _jobFolderSeenByWorker;
    private readonly int _processId;
    private readonly bool _ownGroup;
    private readonly OutputChannel _stdout;
    private readonly Task<string> _stderr;
    private readonly string _prefix;
    private readonly Action<WorkerEvent> _onEvent;
    private bool _disposed;

    private RunningWorker(Process process, bool ownGroup, string nonce, Action<WorkerEvent> onEvent, WorkerLaunch launch)
    {
        _process = process;
        _processId = process.Id;
        _ownGroup = ownGroup;
        _nonce = nonce;
        _jobFolderSeenByWorker = launch.JobFolderSeenByWorker;
        _prefix = nonce + " ";
        _onEvent = onEvent;
        Tree = new ProcessTree(process);
        _stdout = new OutputChannel(process.StandardOutput.BaseStream, launch.LineCap, launch.RunCap, Parse);
        _stderr = Task.Run(() => Head(process.StandardError.BaseStream));
    }

    /// <summary>The worker's process tree, for the time and memory watch.</summary>
    public ProcessTree Tree { get; }

    /// <summary>Why the output was cut (a line or the whole output past its cap), or null.</summary>
    public string? Overflow => _stdout.Overflow;

    /// <summary>True once the first process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts a worker for a job of <paramref name="kind"/> as <paramref name="launch"/> says; it loads and
    /// waits for its request (<see cref="Begin"/>), so it can be started while the job is still being prepared.
    /// <paramref name="onEvent"/> gets each result line, in order, on a reading task.</summary>
    public static RunningWorker Start(WorkerLaunch launch, string kind, Action<WorkerEvent> onEvent)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var (start, ownGroup) = launch.Sandbox.Namespaces ? (Sandboxed(launch), false) : Plain(launch);
        start.ArgumentList.Add(kind);
        var process = new Process { StartInfo = start };
        process.Start();
        return new RunningWorker(process, ownGroup, nonce, onEvent, launch);
    }

    /// <summary>Sends the worker its request, built from the job folder as the worker sees it and the nonce; false when
    /// the worker is gone.</summary>
    public bool Begin(Func<string?, string, WorkerRequest> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Send(JsonSerializer.Serialize(request(_jobFolderSeenByWorker, _nonce), WorkerJson.Options));
    }

    /// <summary>Writes <paramref name="line"/> to the worker's standard input; false when the worker is gone.</summary>
    public bool Send(string line)
    {
        try
        {
            _process.StandardInput.Write(line);
            _process.StandardInput.Write('\n');
            _process.StandardInput.Flush();
            return true;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>Ends the worker's standard input (a test job reads only its request).</summary>
    public void CloseInput()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Already gone.
        }
    }

    /// <summary>Waits for the first process to end, at most <paramref name="timeout"/>; true when it did.</summary>
    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    /// <summary>Kills the whole tree now (the caller then disposes, which waits for it).</summary>
    public void Kill() => Tree.KillAll(_ownGroup);

    /// <summary>The exit code, once <see cref="Finish"/> has returned true.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Waits for the worker to end by itself (at most <paramref name="timeout"/>), then for its output to end;
    /// kills the tree if it does not. True when it ended by itself. Afterwards, every result line has been handed
    /// over.</summary>
    public bool Finish(TimeSpan timeout)
    {
        var ended = _process.WaitForExit(timeout);
        if (!ended)
        {
            Kill();
            _process.WaitForExit(_exitDeadline);
        }

        KillLeftovers();
        _stdout.Finish(_drainDeadline);
        return ended;
    }

    /// <summary>The first 16 KiB of what the worker wrote on standard error (after <see cref="Finish"/>).</summary>
    public string Stderr => _stderr.Wait(_drainDeadline) ? _stderr.Result : "";

    /// <summary>Kills the tree if it still runs and waits for it, within deadlines.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.WaitForExit(_exitDeadline);
        KillLeftovers();
        _stdout.Finish(_drainDeadline);
        _process.Dispose();
    }

    // Without bubblewrap, a child the worker left in its process group (holding a pipe, say) goes with it.
    private void KillLeftovers()
    {
        if (_ownGroup)
        {
            ProcessTree.KillLeftoverGroup(_processId);
        }
    }

    private void Parse(string line)
    {
        if (!line.StartsWith(_prefix, StringComparison.Ordinal))
        {
            return;
        }

        WorkerEvent? message;
        try
        {
            message = JsonSerializer.Deserialize<WorkerEvent>(line.AsSpan(_prefix.Length), WorkerJson.Options);
        }
        catch (JsonException)
        {
            return;
        }

        if (message is not null)
        {
            _onEvent(message);
        }
    }

    private static async Task<string> Head(Stream stream)
    {
        var kept = new MemoryStream();
        var buffer = new byte[8192];
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, stop.Token).ConfigureAwait(false)) > 0)
            {
                kept.Write(buffer, 0, (int)Math.Min(read, Math.Max(0, MaxStderrBytes - kept.Length)));
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The worker is gone, or something outside its tree holds the pipe: keep what came.
        }

        return Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)kept.Length);
    }

    private static ProcessStartInfo Sandboxed(WorkerLaunch launch)
    {
        var binds = new List<(string, string)> { (WorkerFiles.SandboxCopy, WorkerLaunch.WorkerInside) };
        if (launch.JobFolder is { } job)
        {
            binds.Add((job, WorkerLaunch.JobInside));
        }

        var environment = RuntimeVariables(launch);
        environment["PATH"] = "/usr/bin:/bin";
        environment["HOME"] = "/tmp";
        environment["TMPDIR"] = "/tmp";
        environment["DOTNET_ROOT"] = DotnetRuntime.Root;
        return BubblewrapCommand.Create(launch.Sandbox, binds, environment, launch.Limits,
            [DotnetRuntime.Host, Path.Combine(WorkerLaunch.WorkerInside, WorkerFiles.EntryAssembly)]);
    }

    // Without a sandbox: today's process layer. The child leads a process group of its own (setsid) so the whole group
    // can be killed, and gets a minimal environment: whatever the grading machine keeps in its own (a CI token, a
    // Gradescope secret) is not there for learner code to find.
    private static (ProcessStartInfo Start, bool OwnGroup) Plain(WorkerLaunch launch)
    {
        var setsid = OperatingSystem.IsLinux() ? ExecutableSearch.Find("setsid") : null;
        var worker = Path.Combine(WorkerFiles.Source, WorkerFiles.EntryAssembly);
        var info = new ProcessStartInfo(setsid ?? DotnetRuntime.Host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = launch.JobFolder ?? Path.GetTempPath(),
        };
        if (setsid is not null)
        {
            info.ArgumentList.Add(DotnetRuntime.Host);
        }

        info.ArgumentList.Add(worker);
        var inherited = _inheritedVariables
            .Select(name => (name, value: Environment.GetEnvironmentVariable(name)))
            .Where(pair => pair.value is not null)
            .ToList();
        info.Environment.Clear();
        foreach (var (name, value) in inherited)
        {
            info.Environment[name] = value;
        }

        foreach (var (name, value) in RuntimeVariables(launch))
        {
            info.Environment[name] = value;
        }

        return (info, setsid is not null);
    }

    private static Dictionary<string, string> RuntimeVariables(WorkerLaunch launch) => new(StringComparer.Ordinal)
    {
        ["DOTNET_GCHeapHardLimit"] = "0x" + ((long)launch.HeapMegabytes * 1024 * 1024).ToString("X", CultureInfo.InvariantCulture),
        ["DOTNET_gcServer"] = "0",
        ["DOTNET_DbgEnableMiniDump"] = "0",
        ["DOTNET_EnableCrashReport"] = "0",
        ["DOTNET_EnableDiagnostics"] = "0",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_TieredPGO"] = "0",
    };
}
