using System.Text;
using CsCheck;
using MemKata.Engine.Input;
using MemKata.Engine.Libc;
using MemKata.Engine.Traces;
using MemKata.Scenarios;

namespace MemKata.Cli.Tests.Commands;

/// <summary>
/// Random bytes and random mutations of valid traces and scenarios (seeded, reproducible) against the parsers the
/// commands use, and a sample of them against the commands themselves: every input is either read, or refused with a
/// <c>FILE:LINE:COL: problem</c> message that is short and carries no control character; nothing else is ever thrown,
/// and what is read runs to an outcome.
/// </summary>
public class InputFuzzTests
{
    private const string Seed = "0N0XIzNsQ0O2";

    private static readonly string[] Traces =
    [
        new StreamReader(typeof(CliApp).Assembly.GetManifestResourceStream("tour.rep")!).ReadToEnd(),
        "20000\n4\n6\n1\na 0 24\na 1 200000\nr 0 5000\nf 1\nr 3 0\nf 0\n",
    ];

    private static readonly string[] Scenarios = [.. BuiltInScenarios.Names.Select(BuiltInScenarios.Text)];

    private static readonly Gen<byte[]> Bytes = Gen.Byte.Array[0, 3000];

    private static readonly Gen<(int Source, int[] Moves)> TraceMutations = Gen.Select(Gen.Int[0, Traces.Length - 1], Gen.Int.Array[1, 12]);

    private static readonly Gen<(int Source, int[] Moves)> ScenarioMutations = Gen.Select(Gen.Int[0, Scenarios.Length - 1], Gen.Int.Array[1, 12]);

    [Test]
    public void The_trace_reader_reads_or_refuses_random_bytes() =>
        Bytes.Sample(bytes => CheckTrace(Decode(bytes)), iter: 3000, seed: Seed);

    [Test]
    public void The_trace_reader_reads_or_refuses_mutated_traces_and_what_it_reads_replays() =>
        TraceMutations.Sample(m => CheckTrace(InputMutator.Mutate(Traces[m.Source], m.Moves)), iter: 3000, seed: Seed);

    [Test]
    public void The_scenario_parser_reads_or_refuses_random_bytes() =>
        Bytes.Sample(bytes => CheckScenario(Decode(bytes)), iter: 2000, seed: Seed);

    [Test]
    public void The_scenario_parser_reads_or_refuses_mutated_built_in_scenarios() =>
        ScenarioMutations.Sample(m => CheckScenario(InputMutator.Mutate(Scenarios[m.Source], m.Moves)), iter: 1500, seed: Seed);

    [Test]
    public void Replay_keeps_its_promise_on_mutated_traces() =>
        TraceMutations.Sample(m => CheckCommand("replay", ".rep", InputMutator.Mutate(Traces[m.Source], m.Moves)), iter: 150, seed: Seed);

    [Test]
    public void Scenario_run_keeps_its_promise_on_mutated_scenarios() =>
        ScenarioMutations.Sample(m => CheckCommand("scenario run", ".yaml", InputMutator.Mutate(Scenarios[m.Source], m.Moves)), iter: 60, seed: Seed);

    // Bytes as a file of them reads: UTF-8, invalid sequences as U+FFFD.
    private static string Decode(byte[] bytes) => new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false)).ReadToEnd();

    private static void CheckTrace(string text)
    {
        try
        {
            var reader = new TraceReader(new StringReader(text), "fuzz.rep");
            reader.ReadToEnd();
            if (reader.Header.OperationCount <= 10_000)
            {
                var replayer = new TraceReplayer(new TraceReader(new StringReader(text), "fuzz.rep"), GlibcMalloc.Factory, recordSyscalls: true);
                while (replayer.TryStep(out _))
                {
                }

                replayer.Summarize();
            }
        }
        catch (TraceFormatException e)
        {
            CheckMessage(e.Message, $"fuzz.rep:{e.Line}:{e.Column}: ", e.Line, e.Column);
        }
    }

    private static void CheckScenario(string text)
    {
        try
        {
            var scenario = ScenarioParser.Parse(text, "fuzz.yaml");
            foreach (var step in scenario.Steps)
            {
                ScenarioRunner.Describe(step);
            }
        }
        catch (ScenarioException e)
        {
            CheckMessage(e.Message, $"fuzz.yaml:{e.Position.Line}:{e.Position.Column}: ", e.Position.Line, e.Position.Column);
        }
    }

    private static void CheckMessage(string message, string place, int line, int column)
    {
        if (!message.StartsWith(place, StringComparison.Ordinal) || line < 1 || column < 1)
        {
            throw new InvalidOperationException($"no FILE:LINE:COL: {InputText.Escape(message)}");
        }

        if (message.Length > 1000 || InputText.IndexOfUnsafe(message) >= 0)
        {
            throw new InvalidOperationException($"a long or unsafe message: {InputText.Escape(message[..Math.Min(message.Length, 300)])}");
        }
    }

    // The whole command, in-process: exit 0 or 2 (the replayed glibc cannot be killed by a malloclab trace, whose
    // driver never frees a pointer twice), one memkata: line on error, never a stack trace.
    private static void CheckCommand(string command, string extension, string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"memkata-fuzz-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        try
        {
            var stdout = new CappedWriter(1 << 16);
            var stderr = new StringWriter();
            var exitCode = CliApp.Run([.. command.Split(' '), path, "--format", command == "replay" ? "chunks" : "text"], stdout, stderr);
            var error = stderr.ToString();
            if (exitCode is not (0 or 2) || (exitCode == 2 && !error.StartsWith("memkata: ", StringComparison.Ordinal))
                || error.Contains("   at ", StringComparison.Ordinal) || InputText.IndexOfUnsafe(error, allowTabsAndLineBreaks: true) >= 0)
            {
                throw new InvalidOperationException($"exit {exitCode}: {InputText.Escape(error[..Math.Min(error.Length, 500)])}");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
