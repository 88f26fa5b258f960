namespace MemKata.Grading.Worker.Protocol;

/// <summary>What the grader asks of one worker run, sent as one JSON line on the worker's standard input (never on the
/// command line, where code under test could read it from <see cref="Environment.GetCommandLineArgs"/>).</summary>
/// <param name="Nonce">A fresh random token: the worker prefixes every result line with it, and the grader ignores any
/// standard-output line that does not carry it, so text printed by learner code is never read as a result.</param>
/// <param name="AssemblyPath">The compiled hidden suite to run.</param>
/// <param name="Exclude">Full names of tests not to run again: those that already reported, and those that brought an
/// earlier run down.</param>
public sealed record WorkerRequest(string Nonce, string AssemblyPath, IReadOnlyList<string> Exclude);
