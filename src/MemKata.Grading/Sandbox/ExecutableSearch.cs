namespace MemKata.Grading.Sandbox;

/// <summary>Finds a program the grader runs (<c>bwrap</c>, <c>setpriv</c>, <c>prlimit</c>, <c>setsid</c>): on PATH, then
/// in <c>/usr/bin</c> and <c>/bin</c> (a CI job or a service may run with a short PATH).</summary>
internal static class ExecutableSearch
{
    /// <summary>The full path of <paramref name="name"/>, or null when it is nowhere.</summary>
    public static string? Find(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Append("/bin")
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
    }
}
