using System.Diagnostics;
using System.Globalization;

namespace MemKata.Grading.Sandbox;

/// <summary>
/// The command line that starts a program in the sandbox:
/// <c>[setpriv --reuid=65534 ...] bwrap --unshare-all ... -- prlimit ... -- PROGRAM</c>. Inside, the program is user
/// <see cref="SandboxUid"/> (nobody) in new user, pid, network, ipc, uts and mount namespaces, with no capability and no
/// way to make another user namespace; it sees <c>/usr</c> (and the .NET runtime's folder) read-only, the folders it is
/// given read-only, an empty size-limited <c>/tmp</c>, its own <c>/proc</c> and a minimal <c>/dev</c>; nothing else of
/// the machine (no repository, no <c>graders/</c>, no home, no <c>/etc</c>). It dies with the grader
/// (<c>--die-with-parent</c>) and cannot reach the grader's terminal (<c>--new-session</c>). Its environment holds only
/// what it is given; bwrap itself is started with an empty one too, because the sandbox's pid 1 is bwrap and its
/// <c>/proc/1/environ</c> would show the grader's environment otherwise.
/// </summary>
internal static class BubblewrapCommand
{
    /// <summary>The sandbox's user and group id inside and, for a grader running as root, outside: nobody.</summary>
    public const int SandboxUid = 65534;

    /// <summary>The size of the sandbox's private /tmp.</summary>
    public const long TmpBytes = 64L * 1024 * 1024;

    private static readonly string[] _rootLinks = ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];

    /// <summary>Starts <paramref name="command"/> under bubblewrap as <paramref name="status"/> allows, with
    /// <paramref name="binds"/> (host folder, path inside) read-only, <paramref name="environment"/> as its whole
    /// environment and <paramref name="limits"/> as its rlimits.</summary>
    public static ProcessStartInfo Create(
        SandboxStatus status,
        IReadOnlyList<(string Host, string Inside)> binds,
        IReadOnlyDictionary<string, string> environment,
        ProcessLimits limits,
        IReadOnlyList<string> command)
    {
        var arguments = new List<string>();
        if (status.SwitchesUser)
        {
            var id = SandboxUid.ToString(CultureInfo.InvariantCulture);
            arguments.AddRange([$"--reuid={id}", $"--regid={id}", "--clear-groups", "--", status.Bubblewrap!]);
        }

        arguments.AddRange(
        [
            "--unshare-all", "--unshare-user", "--disable-userns",
            "--uid", SandboxUid.ToString(CultureInfo.InvariantCulture), "--gid", SandboxUid.ToString(CultureInfo.InvariantCulture),
            "--hostname", "memkata", "--die-with-parent", "--new-session", "--clearenv",
            "--ro-bind", "/usr", "/usr",
        ]);
        foreach (var link in _rootLinks)
        {
            var folder = new DirectoryInfo(link);
            if (folder.LinkTarget is { } target)
            {
                arguments.AddRange(["--symlink", target, link]);
            }
            else if (folder.Exists)
            {
                arguments.AddRange(["--ro-bind", link, link]);
            }
        }

        var runtime = DotnetRuntime.Root;
        if (!runtime.StartsWith("/usr/", StringComparison.Ordinal))
        {
            arguments.AddRange(["--ro-bind", runtime, runtime]);
        }

        foreach (var (host, inside) in binds)
        {
            arguments.AddRange(["--ro-bind", host, inside]);
        }

        arguments.AddRange(["--size", TmpBytes.ToString(CultureInfo.InvariantCulture), "--tmpfs", "/tmp", "--proc", "/proc", "--dev", "/dev", "--chdir", "/tmp"]);
        foreach (var (name, value) in environment)
        {
            arguments.AddRange(["--setenv", name, value]);
        }

        arguments.Add("--");
        if (status.ProcessLimits)
        {
            arguments.AddRange([status.Prlimit!, .. limits.PrlimitArguments(), "--"]);
        }

        arguments.AddRange(command);
        var info = new ProcessStartInfo(status.SwitchesUser ? status.Setpriv! : status.Bubblewrap!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Clear();
        info.Environment["PATH"] = "/usr/bin:/bin";
        return info;
    }
}
