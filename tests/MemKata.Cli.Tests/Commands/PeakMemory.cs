using System.Globalization;

namespace MemKata.Cli.Tests.Commands;

/// <summary>The peak resident memory of a process, from Linux's <c>/proc/PID/status</c> (VmHWM); for this process it can
/// be reset (<c>/proc/self/clear_refs</c>), so each in-process run is measured on its own. Elsewhere than on Linux,
/// nothing is measured (null).</summary>
internal static class PeakMemory
{
    /// <summary>Resets this process's peak to its current resident memory; false where that cannot be done.</summary>
    public static bool ResetOwn()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The peak resident memory of process <paramref name="pid"/> ("self" for this one) in bytes, or null.</summary>
    public static long? Of(string pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }
}
