namespace MemKata.Grading.Sandbox;

/// <summary>How to start one worker process.</summary>
/// <param name="Sandbox">The sandbox to start it in (<see cref="SandboxStatus.Off"/> for a plain child process).</param>
/// <param name="HeapMegabytes">The GC's hard heap limit (<c>DOTNET_GCHeapHardLimit</c>): past it, an
/// <see cref="OutOfMemoryException"/> in the worker.</param>
/// <param name="Limits">The rlimits set inside the sandbox.</param>
/// <param name="JobFolder">A folder of the job's compiled assemblies the worker reads (read-only in the sandbox), or
/// null.</param>
/// <param name="LineCap">The longest standard-output line accepted, in bytes.</param>
/// <param name="RunCap">The most standard-output bytes accepted in all.</param>
internal sealed record WorkerLaunch(
    SandboxStatus Sandbox, int HeapMegabytes, ProcessLimits Limits, string? JobFolder, int LineCap, long RunCap)
{
    /// <summary>Where the worker's files are, seen from inside a sandbox.</summary>
    public const string WorkerInside = "/worker";

    /// <summary>Where the job folder is, seen from inside a sandbox.</summary>
    public const string JobInside = "/job";

    /// <summary>The job folder as the worker sees it, or null when there is none.</summary>
    public string? JobFolderSeenByWorker => JobFolder is null ? null : Sandbox.Namespaces ? JobInside : JobFolder;
}
