using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MemKata.Oracle;

/// <summary>
/// The machine's real glibc malloc as an oracle: a small C program of ours (<c>glibc-replay.c</c>, embedded in this
/// assembly) replays a <c>.rep</c> trace with the real <c>malloc</c>, <c>realloc</c> and <c>free</c> and prints the
/// <see cref="Engine.Traces.ChunksFormat"/> lines the engine prints for the same trace. The program is compiled with
/// the <c>gcc</c> found on <c>PATH</c> once per version of its source, into
/// <c>&lt;temp&gt;/memkata-oracle/&lt;hash of source and flags&gt;/glibc-replay</c>, and reused from there.
/// </summary>
public sealed class GlibcOracle
{
    /// <summary>The flags the harness is compiled with (before <c>-o</c>).</summary>
    public static IReadOnlyList<string> CompilerFlags { get; } = ["-O2", "-std=c11", "-Wall", "-Werror"];

    private const string SourceResourceName = "MemKata.Oracle.glibc-replay.c";
    private const string ExecutableName = "glibc-replay";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    private GlibcOracle(string executablePath, string glibcVersion)
    {
        ExecutablePath = executablePath;
        GlibcVersion = glibcVersion;
    }

    /// <summary>The compiled harness; run it by hand as <c>glibc-replay TRACE</c>, <c>glibc-replay --bench ROUNDS
    /// TRACE</c> or <c>glibc-replay --version</c>.</summary>
    public string ExecutablePath { get; }

    /// <summary>What the C library the harness runs with reports (<c>gnu_get_libc_version()</c>), e.g. <c>2.36</c>.</summary>
    public string GlibcVersion { get; }

    /// <summary>The C source of the harness, as embedded in this assembly.</summary>
    public static string Source { get; } = ReadSource();

    /// <summary>Finds <c>gcc</c>, compiles the harness if the cache lacks it and checks that it runs. Returns false, with
    /// <paramref name="whyNot"/> saying what is missing or what failed (compiler output included), when the oracle cannot
    /// be had on this machine; never throws for that.</summary>
    public static bool TryCreate([NotNullWhen(true)] out GlibcOracle? oracle, out string whyNot) =>
        TryCreate(
            Path.Combine(Path.GetTempPath(), "memkata-oracle"),
            Environment.GetEnvironmentVariable("PATH") ?? string.Empty,
            out oracle,
            out whyNot);

    /// <summary><see cref="TryCreate(out GlibcOracle?, out string)"/> with the cache under <paramref name="cacheRoot"/>
    /// and <c>gcc</c> looked for in <paramref name="searchPath"/> (a PATH-style list of folders).</summary>
    internal static bool TryCreate(string cacheRoot, string searchPath, [NotNullWhen(true)] out GlibcOracle? oracle, out string whyNot)
    {
        oracle = null;
        if (!OperatingSystem.IsLinux())
        {
            whyNot = "the glibc oracle needs Linux with glibc and gcc";
            return false;
        }

        var gcc = FindOnPath("gcc", searchPath);
        if (gcc is null)
        {
            whyNot = "gcc was not found on PATH (install it, e.g. apt-get install gcc); the glibc oracle compiles its C harness with it";
            return false;
        }

        try
        {
            var executable = EnsureCompiled(gcc, cacheRoot);
            string version;
            try
            {
                version = ReadVersion(executable);
            }
            catch (GlibcOracleException)
            {
                // A damaged cache entry: build it afresh once.
                File.Delete(executable);
                executable = EnsureCompiled(gcc, cacheRoot);
                version = ReadVersion(executable);
            }

            oracle = new GlibcOracle(executable, version);
            whyNot = string.Empty;
            return true;
        }
        catch (Exception e) when (e is GlibcOracleException or IOException or UnauthorizedAccessException)
        {
            whyNot = e.Message;
            return false;
        }
    }

    /// <summary>Replays the <c>.rep</c> trace at <paramref name="traceFile"/> with the real glibc and returns its
    /// <see cref="Engine.Traces.ChunksFormat"/> lines, one per operation. Throws <see cref="GlibcOracleException"/> (with
    /// the harness's standard error) if the harness rejects the trace or fails.</summary>
    public IReadOnlyList<string> Replay(string traceFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(traceFile);
        var output = RunChecked([Path.GetFullPath(traceFile)], RunTimeout);
        return SplitLines(output);
    }

    /// <summary>Benchmarks the real glibc on the trace at <paramref name="traceFile"/>: one untimed warm-up round, then
    /// <paramref name="rounds"/> (at least 1) timed rounds, each replaying the trace and then freeing every block still
    /// live. Throws <see cref="GlibcOracleException"/> if the harness fails.</summary>
    public NativeBenchResult Bench(string traceFile, int rounds)
    {
        ArgumentException.ThrowIfNullOrEmpty(traceFile);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        string[] arguments = ["--bench", rounds.ToString(CultureInfo.InvariantCulture), Path.GetFullPath(traceFile)];
        var output = RunChecked(arguments, Timeout.InfiniteTimeSpan).Trim();

        // "total_ns=<ns> ops=<count>"
        var fields = output.Split(' ');
        if (fields.Length == 2
            && fields[0].StartsWith("total_ns=", StringComparison.Ordinal)
            && fields[1].StartsWith("ops=", StringComparison.Ordinal)
            && long.TryParse(fields[0].AsSpan("total_ns=".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var nanoseconds)
            && long.TryParse(fields[1].AsSpan("ops=".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var operations))
        {
            return new NativeBenchResult(nanoseconds, operations);
        }

        throw new GlibcOracleException($"{ChildProcess.Describe(ExecutablePath, arguments)} printed '{output}', not 'total_ns=<ns> ops=<count>'");
    }

    private string RunChecked(IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var result = ChildProcess.Run(ExecutablePath, arguments, timeout);
        if (result.ExitCode != 0)
        {
            throw new GlibcOracleException(
                $"{ChildProcess.Describe(ExecutablePath, arguments)} exited with status {result.ExitCode}: {result.StandardError.Trim()}");
        }

        return result.StandardOutput;
    }

    private static string ReadVersion(string executable)
    {
        var result = ChildProcess.Run(executable, ["--version"], RunTimeout);
        var version = result.StandardOutput.Trim();
        if (result.ExitCode != 0 || version.Length == 0)
        {
            throw new GlibcOracleException(
                $"{executable} --version exited with status {result.ExitCode}: {result.StandardError.Trim()}");
        }

        return version;
    }

    // Compiles the harness into the cache unless it is there. Concurrent callers each compile to a file of their own
    // and rename it into place: rename is atomic, and every candidate is built from the same source and flags.
    private static string EnsureCompiled(string gcc, string cacheRoot)
    {
        var directory = Path.Combine(cacheRoot, CacheKey());
        var executable = Path.Combine(directory, ExecutableName);
        if (File.Exists(executable))
        {
            return executable;
        }

        Directory.CreateDirectory(directory);
        var unique = string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}.{Guid.NewGuid():N}");
        var sourceFile = Path.Combine(directory, "glibc-replay.c");
        var sourceTemp = $"{sourceFile}.{unique}.tmp";
        File.WriteAllText(sourceTemp, Source);
        File.Move(sourceTemp, sourceFile, overwrite: true);

        var executableTemp = $"{executable}.{unique}.tmp";
        string[] arguments = [.. CompilerFlags, "-o", executableTemp, sourceFile];
        var result = ChildProcess.Run(gcc, arguments, RunTimeout);
        if (result.ExitCode != 0 || !File.Exists(executableTemp))
        {
            File.Delete(executableTemp);
            throw new GlibcOracleException(
                $"compiling the glibc oracle failed: {ChildProcess.Describe(gcc, arguments)} exited with status {result.ExitCode}:\n{result.StandardError.Trim()}");
        }

        File.Move(executableTemp, executable, overwrite: true);
        return executable;
    }

    private static string CacheKey()
    {
        var text = string.Join('\n', CompilerFlags.Append(Source));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    private static string? FindOnPath(string program, string searchPath) =>
        searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    private static List<string> SplitLines(string output)
    {
        var lines = output.Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    private static string ReadSource()
    {
        using var stream = typeof(GlibcOracle).Assembly.GetManifestResourceStream(SourceResourceName)
            ?? throw new InvalidOperationException($"GlibcOracle: the embedded resource {SourceResourceName} is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
