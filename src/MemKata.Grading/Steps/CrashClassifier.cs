namespace MemKata.Grading.Steps;

/// <summary>Says, in a learner's words, why a test process ended before its last test: from what the grader itself did
/// (a time or memory limit) or else from the exit code and what the runtime printed on standard error.</summary>
internal static class CrashClassifier
{
    /// <summary>Why the grader stopped a process, when it did.</summary>
    public enum Kill
    {
        /// <summary>The grader did not stop it: it ended by itself.</summary>
        None,

        /// <summary>One test used more CPU time than the per-test limit.</summary>
        TestTimeout,

        /// <summary>One test (or the set-up between tests) took longer than the wall-clock limit without finishing.</summary>
        TestWallTimeout,

        /// <summary>The suite ran longer than the whole-run limit.</summary>
        RunTimeout,

        /// <summary>The process's resident memory passed the limit.</summary>
        Memory,

        /// <summary>The process wrote more to its standard output than the grader reads (a line or the whole run).</summary>
        Output,
    }

    /// <summary>The reason, e.g. "stack overflow: a recursion that never stops (it repeated at Counter.Add(Int32) in
    /// Counter.cs:line 9)".</summary>
    public static string Describe(Kill kill, TimeSpan testLimit, int memoryMegabytes, int exitCode, string stderr, string? overflow = null)
    {
        switch (kill)
        {
            case Kill.TestTimeout:
                return $"timed out: still running after {testLimit.TotalSeconds:0.#} s of computing, the limit for one " +
                    "test. An infinite loop? Check every loop's exit condition.";
            case Kill.TestWallTimeout:
                return $"timed out: no result after {TestJob.WallFactor * testLimit.TotalSeconds:0.#} s, most of it " +
                    "not computing: waiting for something that never happens (a lock, a sleep, a thread that never ends)?";
            case Kill.RunTimeout:
                return "timed out: the hidden tests together ran past the time limit for the whole run.";
            case Kill.Memory:
                return $"out of memory: the test process used more than {2 * memoryMegabytes} MiB and was stopped. " +
                    "Something allocates without bound (a list that only grows, a recursion that allocates)?";
            case Kill.Output:
                return $"your code printed {overflow ?? "too much"} to the test process's standard output, more than the " +
                    "grader reads, and was stopped. Print less (Console.WriteLine output is kept per test, a few KiB shown).";
            case Kill.None:
            default:
                break;
        }

        if (Contains(stderr, "Stack overflow"))
        {
            var frame = FirstFrame(stderr, "Stack overflow");
            return "stack overflow: a recursion that never stops, or one too deep for the stack" +
                (frame is null ? "." : $" (it repeated {frame}).");
        }

        if (Contains(stderr, "Process terminated."))
        {
            var line = LineAfter(stderr, "Process terminated.");
            return $"the code ended the process with Environment.FailFast{(line is null ? "" : $": {line}")}. Throw an exception instead.";
        }

        if (Contains(stderr, "Out of memory") || Contains(stderr, "OutOfMemoryException"))
        {
            return "out of memory: the test process could not allocate more. Something allocates without bound?";
        }

        if (Contains(stderr, "Unhandled exception."))
        {
            var line = LineAfter(stderr, "Unhandled exception.");
            return $"an exception escaped on another thread and ended the process{(line is null ? "" : $": {line}")}.";
        }

        return exitCode switch
        {
            137 => "killed: the system stopped the test process (SIGKILL), most likely for using too much memory.",
            134 => "the test process aborted (SIGABRT).",
            139 => "the test process crashed with a segmentation fault (SIGSEGV).",
            152 => "the test process used more CPU time than the whole run may (SIGXCPU) and was stopped.",
            153 => "the test process wrote a file larger than allowed (SIGXFSZ) and was stopped.",
            _ => $"the test process exited early with code {exitCode}: did the code call Environment.Exit?",
        };
    }

    private static bool Contains(string text, string what) => text.Contains(what, StringComparison.Ordinal);

    private static string? LineAfter(string text, string marker)
    {
        var start = text.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        var rest = text[start..].TrimStart(' ');
        var line = rest.Split('\n', 2)[0].Trim();
        if (line.Length == 0)
        {
            line = rest.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "";
        }

        return line.Length == 0 ? null : line.Length > 300 ? line[..300] + "..." : line;
    }

    // The first "at ..." frame after the marker, which for a stack overflow is the repeating one.
    private static string? FirstFrame(string text, string marker)
    {
        var start = text.IndexOf(marker, StringComparison.Ordinal);
        return text[start..].Split('\n')
            .Select(line => line.Trim())
            .FirstOrDefault(line => line.StartsWith("at ", StringComparison.Ordinal));
    }
}
