namespace MemKata.Grading.Sandbox;

/// <summary>
/// This process's own folder under the temp folder (<c>memkata-&lt;random&gt;</c>), where the worker's files and each
/// job's compiled assemblies are put for a sandbox to see, outside the repository; deleted when the process exits. When
/// the sandbox runs as another user (a grader running as root starts it as nobody), that user must read what is in it:
/// the folder is then 0711 (others may pass, not list) and everything in it has a random name and is world-readable;
/// otherwise everything is private (0700, 0600).
/// </summary>
internal static class PrivateTemp
{
    private static readonly Lazy<string> _root = new(Create);

    // A sandbox user other than this process's must read the folders made here.
    private static bool SharedWithSandboxUser => SandboxProbe.Machine.SwitchesUser;

    /// <summary>A new empty folder, named <paramref name="prefix"/>-&lt;random&gt;.</summary>
    public static string NewFolder(string prefix)
    {
        var path = Path.Combine(_root.Value, $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        SetMode(path, directory: true);
        return path;
    }

    /// <summary>Gives <paramref name="path"/> (a file or folder made here) the mode the sandbox user needs.</summary>
    public static void SetMode(string path, bool directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | (directory ? UnixFileMode.UserExecute : 0);
        var others = SharedWithSandboxUser
            ? UnixFileMode.GroupRead | UnixFileMode.OtherRead | (directory ? UnixFileMode.GroupExecute | UnixFileMode.OtherExecute : 0)
            : 0;
        File.SetUnixFileMode(path, owner | others);
    }

    private static string Create()
    {
        var root = Path.Combine(Path.GetTempPath(), $"memkata-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | (SharedWithSandboxUser ? UnixFileMode.GroupExecute | UnixFileMode.OtherExecute : 0));
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Delete(root);
        return root;
    }

    /// <summary>Deletes <paramref name="folder"/> and what it holds, if it can (a file still held by a dying process is
    /// left to the system's temp cleaning).</summary>
    public static void Delete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left to the system's temp cleaning.
        }
    }
}
