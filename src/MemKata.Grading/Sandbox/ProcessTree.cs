using System.Diagnostics;
using System.Globalization;
using MemKata.Grading.Native;

namespace MemKata.Grading.Sandbox;

/// <summary>
/// A worker's whole process tree, seen from outside through <c>/proc</c> on Linux: the process the grader started and
/// every descendant (for a sandbox: bwrap, the sandbox's pid 1, the .NET worker, whatever it started). The time and
/// memory limits count the tree, not the first process, which under bubblewrap is bwrap itself. Elsewhere only the first
/// process is seen.
/// </summary>
internal sealed class ProcessTree(Process root)
{
    private static readonly double _ticksPerSecond = 100;
    private static readonly TimeSpan _membershipAge = TimeSpan.FromMilliseconds(200);
    private readonly Process _root = root;
    private readonly Stopwatch _sinceMembership = new();
    private IReadOnlyList<int> _members = [];

    /// <summary>The CPU time the tree has used: every live process's own, and that of the children they waited for.</summary>
    public TimeSpan CpuTime()
    {
        if (!OperatingSystem.IsLinux())
        {
            return Safe(() => _root.TotalProcessorTime, TimeSpan.Zero);
        }

        var ticks = RecentMembers().Sum(pid => Stat(pid) is { } fields
            ? Field(fields, 14) + Field(fields, 15) + Field(fields, 16) + Field(fields, 17)
            : 0);
        return TimeSpan.FromSeconds(ticks / _ticksPerSecond);
    }

    /// <summary>The resident memory of the whole tree, in bytes.</summary>
    public long ResidentBytes()
    {
        if (!OperatingSystem.IsLinux())
        {
            return Safe(() =>
            {
                _root.Refresh();
                return _root.WorkingSet64;
            }, 0L);
        }

        return RecentMembers().Sum(pid => Read($"/proc/{pid}/statm") is { } statm
            && long.TryParse(statm.Split(' ')[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pages)
                ? pages * Environment.SystemPageSize
                : 0);
    }

    /// <summary>Sends SIGKILL to every process of the tree, the first one last (so no parent is left to restart a
    /// child), and, when <paramref name="ownGroup"/> (the first process leads a process group of its own), to the whole
    /// group. Nothing is signalled by id once the first process has exited (its id may belong to another process by
    /// then).</summary>
    public void KillAll(bool ownGroup)
    {
        if (Safe(() => _root.HasExited, true))
        {
            return;
        }

        var members = Members();
        if (ownGroup)
        {
            UnixSignals.KillGroup(SafeId());
        }

        foreach (var pid in Enumerable.Reverse(members))
        {
            UnixSignals.Kill(pid);
        }

        Safe(() =>
        {
            _root.Kill(entireProcessTree: true);
            return 0;
        }, 0);
    }

    /// <summary>After the first process has ended: kills what is left of the process group it led (a child that stayed
    /// in the group, holding a pipe), if anything is. The group's id cannot belong to another group while one of its
    /// members lives, so it is signalled only when a member is seen in <c>/proc</c>. A process that left the group
    /// (<c>setsid</c>) is not found: without bubblewrap's pid namespace it survives.</summary>
    public static void KillLeftoverGroup(int groupId)
    {
        if (!OperatingSystem.IsLinux() || groupId <= 1)
        {
            return;
        }

        var members = Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name is { Length: > 0 } && name.All(char.IsAsciiDigit))
            .Any(pid => Stat(int.Parse(pid!, CultureInfo.InvariantCulture)) is { } fields && Field(fields, 5) == groupId);
        if (members)
        {
            UnixSignals.KillGroup(groupId);
        }
    }

    /// <summary>The tree's process ids, the root first, each before its children.</summary>
    public IReadOnlyList<int> Members()
    {
        var rootId = SafeId();
        if (!OperatingSystem.IsLinux() || rootId <= 0 || !Directory.Exists($"/proc/{rootId}"))
        {
            return rootId > 0 ? [rootId] : [];
        }

        var members = new List<int> { rootId };
        for (var i = 0; i < members.Count; i++)
        {
            members.AddRange(Children(members[i]).Where(child => !members.Contains(child)));
        }

        return members;
    }

    // The members, walked again at most every few hundred milliseconds (the watch polls far more often).
    private IReadOnlyList<int> RecentMembers()
    {
        if (!_sinceMembership.IsRunning || _sinceMembership.Elapsed > _membershipAge)
        {
            _members = Members();
            _sinceMembership.Restart();
        }

        return _members;
    }

    // /proc/PID/task/TID/children (CONFIG_PROC_CHILDREN) of every thread: the process's children, cheaply.
    private static IEnumerable<int> Children(int pid)
    {
        var tasks = $"/proc/{pid}/task";
        if (!Directory.Exists(tasks))
        {
            return [];
        }

        try
        {
            return Directory.EnumerateDirectories(tasks)
                .Select(task => Read(Path.Combine(task, "children")) ?? "")
                .SelectMany(text => text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(id => int.Parse(id, CultureInfo.InvariantCulture))
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    // The fields of /proc/PID/stat after the command name (which may hold spaces and parentheses), from field 3 (state).
    private static string[]? Stat(int pid)
    {
        var text = Read($"/proc/{pid}/stat");
        var end = text?.LastIndexOf(')') ?? -1;
        return end < 0 ? null : text![(end + 2)..].Split(' ');
    }

    // Field n of proc(5)'s numbering (1-based: pid is 1, comm 2, state 3).
    private static long Field(string[] fields, int n) =>
        fields.Length > n - 3 && long.TryParse(fields[n - 3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private int SafeId() => Safe(() => _root.Id, 0);

    private static T Safe<T>(Func<T> read, T fallback)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return fallback;
        }
    }
}
