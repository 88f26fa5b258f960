using MemKata.Engine.Kernel;

namespace MemKata.Scenarios;

/// <summary>
/// A scenario: a machine, the files on its disk, the processes that run on it and the steps they take, in order. Read
/// from YAML by <see cref="ScenarioParser"/>, run by <see cref="ScenarioRunner"/>.
/// </summary>
/// <param name="Name">A short title.</param>
/// <param name="Explanation">What the scenario shows and what a real system does; printed before the run.</param>
/// <param name="Machine">The machine's configuration.</param>
/// <param name="Files">Files created on the disk before the first step.</param>
/// <param name="Processes">The processes, started before the first step, in this order (pids 1, 2, ...).</param>
/// <param name="Steps">What happens, in order.</param>
public sealed record Scenario(
    string Name,
    string Explanation,
    MachineConfig Machine,
    IReadOnlyList<ScenarioFile> Files,
    IReadOnlyList<ScenarioProcess> Processes,
    IReadOnlyList<ScenarioStep> Steps);

/// <summary>A file on the simulated disk.</summary>
/// <param name="Name">The file's name.</param>
/// <param name="Size">Its size in bytes.</param>
public sealed record ScenarioFile(string Name, ulong Size);

/// <summary>A process of the scenario.</summary>
/// <param name="Name">The process's name, which steps use to say who acts.</param>
/// <param name="OomScoreAdj">Its starting oom_score_adj.</param>
public sealed record ScenarioProcess(string Name, int OomScoreAdj);

/// <summary>Where in the scenario file something was written (1-based), for messages.</summary>
/// <param name="Line">The line.</param>
/// <param name="Column">The column.</param>
public readonly record struct SourcePosition(int Line, int Column);

/// <summary>One step: a process does something (or time passes). <see cref="Position"/> is where it was written.</summary>
/// <param name="Process">The acting process's name.</param>
/// <param name="Position">Where the step is in the file.</param>
public abstract record ScenarioStep(string Process, SourcePosition Position);

/// <summary><c>p = malloc(size)</c>.</summary>
public sealed record MallocStep(string Process, SourcePosition Position, ulong Size, string As) : ScenarioStep(Process, Position);

/// <summary><c>p = calloc(count, size)</c>.</summary>
public sealed record CallocStep(string Process, SourcePosition Position, ulong Count, ulong Size, string As) : ScenarioStep(Process, Position);

/// <summary><c>p = realloc(p, size)</c>.</summary>
public sealed record ReallocStep(string Process, SourcePosition Position, string Pointer, ulong Size, string As) : ScenarioStep(Process, Position);

/// <summary><c>free(p)</c>.</summary>
public sealed record FreeStep(string Process, SourcePosition Position, string Pointer) : ScenarioStep(Process, Position);

/// <summary>Reads or writes one byte in every page of [p + offset, p + offset + length).</summary>
public sealed record TouchStep(string Process, SourcePosition Position, string Pointer, ulong Offset, ulong? Length, bool Write) : ScenarioStep(Process, Position);

/// <summary><c>p = mmap(NULL, length, prot, shared ? MAP_SHARED : MAP_PRIVATE, fd of file, offset)</c>.</summary>
public sealed record MapFileStep(string Process, SourcePosition Position, string File, ulong Offset, ulong Length, bool Shared, bool Writable, string As)
    : ScenarioStep(Process, Position);

/// <summary>Writes <c>/proc/PID/oom_score_adj</c>.</summary>
public sealed record OomScoreAdjStep(string Process, SourcePosition Position, int Value) : ScenarioStep(Process, Position);

/// <summary>Time passes with nothing running: kswapd, if awake, catches up.</summary>
public sealed record SleepStep(string Process, SourcePosition Position) : ScenarioStep(Process, Position);

/// <summary>The process exits and its memory is freed.</summary>
public sealed record ExitStep(string Process, SourcePosition Position) : ScenarioStep(Process, Position);
