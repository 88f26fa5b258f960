using System.Runtime.InteropServices;

namespace MemKata.Grading.Sandbox;

/// <summary>The <c>dotnet</c> host that runs this process and the folder it lives in (its runtimes under
/// <c>shared/</c>), found from the runtime's own folder (<c>&lt;root&gt;/shared/Microsoft.NETCore.App/&lt;version&gt;/</c>),
/// else <c>DOTNET_HOST_PATH</c>, else <c>dotnet</c> on PATH. Workers run with this host; the sandbox shows them its
/// folder, read-only.</summary>
internal static class DotnetRuntime
{
    /// <summary>The host's path.</summary>
    public static string Host { get; } = Find();

    /// <summary>The folder holding the host and its shared runtimes.</summary>
    public static string Root => Path.GetDirectoryName(Path.GetFullPath(Host)) ?? "/";

    private static string Find()
    {
        var name = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var candidate = Path.Combine(Path.GetFullPath(Path.Combine(runtime, "..", "..", "..")), name);
        if (File.Exists(candidate))
        {
            return candidate;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return File.Exists(fromEnvironment) ? fromEnvironment : ExecutableSearch.Find(name) ?? name;
    }
}
