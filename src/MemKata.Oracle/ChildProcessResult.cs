namespace MemKata.Oracle;

/// <summary>How a child process ended: its exit status and everything it wrote.</summary>
internal sealed record ChildProcessResult(int ExitCode, string StandardOutput, string StandardError);
