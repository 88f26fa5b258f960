using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Sandbox;

/// <summary>
/// The attacks of <c>testdata/sandbox</c>, graded with the analyzers off: each is stopped by the OS sandbox (and the
/// process layer) alone. They need bubblewrap; where it cannot run they are ignored, saying why, except the output cap,
/// which holds everywhere.
/// </summary>
[NonParallelizable]
public sealed class SandboxAttackTests
{
    private const string Secret = "hunter2-9f4c";
    private static readonly Lazy<Grader> _grader = new(() => new Grader(CounterExercise.Layout, new GradingOptions(CounterExercise.Limits, RunAnalyzers: false)));

    [TestCase("reads-files-outside")]
    [TestCase("starts-a-process")]
    [TestCase("writes-the-results-file")]
    public void An_attack_on_the_machines_files_is_stopped(string attack)
    {
        RequireBubblewrap();
        using var results = new ResultsFile();

        var (report, _) = Grade(attack, results);

        Assert.That(results.Text, Is.EqualTo(ResultsFile.Original), "the results file is the grader's");
        Assert.That(string.Join("\n", report.Tests.Select(t => t.Message + t.Output)), Does.Not.Contain("MemKata.Graders.Counter").And.Not.Contain("root:x:0"));
    }

    [Test]
    public void A_socket_reaches_nothing_of_the_machines()
    {
        RequireBubblewrap();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();

        Grade("opens-a-socket", port: ((IPEndPoint)listener.LocalEndpoint).Port);

        Assert.That(listener.Pending(), Is.False, "no connection reached the host");
    }

    [Test]
    public void The_grading_machines_environment_is_nowhere_in_the_sandbox()
    {
        RequireBubblewrap();
        Environment.SetEnvironmentVariable("MEMKATA_TEST_SECRET", Secret);
        try
        {
            var (report, _) = Grade("reads-the-environment");

            Assert.That(string.Join("\n", report.Tests.Select(t => t.Message + t.Output)), Does.Not.Contain(Secret));
        }
        finally
        {
            Environment.SetEnvironmentVariable("MEMKATA_TEST_SECRET", null);
        }
    }

    [Test]
    public void A_daemon_does_not_outlive_the_grading()
    {
        RequireBubblewrap();
        using var results = new ResultsFile();

        var (_, marker) = Grade("outlives-the-run", results);

        Assert.That(HostProcessesWith(marker), Is.Empty, "every process of the sandbox is gone when Grade returns");
        Thread.Sleep(TimeSpan.FromSeconds(4));
        Assert.That(results.Text, Is.EqualTo(ResultsFile.Original), "nothing rewrote the results after the grading");
    }

    [Test]
    public void A_grandchild_holding_the_pipes_does_not_hold_the_grader()
    {
        RequireBubblewrap();
        var clock = Stopwatch.StartNew();

        var (_, marker) = Grade("holds-the-pipes");

        Assert.Multiple(() =>
        {
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(90)), "the sleep holding the pipes lasts 120 s");
            Assert.That(HostProcessesWith(marker), Is.Empty);
        });
    }

    [Test]
    public void A_line_of_200_MB_is_cut_at_the_cap_with_or_without_bubblewrap() => Grade("prints-a-200-mb-line");

    private static void RequireBubblewrap()
    {
        if (!_grader.Value.Sandbox.Namespaces)
        {
            Assert.Ignore($"bubblewrap cannot run on this machine, so the OS sandbox cannot be proven here: {_grader.Value.Sandbox.MissingLine}");
        }
    }

    // Grades the attack with its tokens filled in and checks its expected.json; returns the report and the marker.
    private static (Model.GradeReport Report, string Marker) Grade(string attack, ResultsFile? results = null, int port = 9)
    {
        var marker = Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var source = Path.Combine(TestData.Root, "sandbox", attack);
        var folder = Directory.CreateTempSubdirectory($"memkata-attack-{attack}-").FullName;
        try
        {
            var text = File.ReadAllText(Path.Combine(source, "Counter.cs"))
                .Replace("__REPO__", TestData.FakeRepository, StringComparison.Ordinal)
                .Replace("__PORT__", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("__RESULTS__", results?.Path ?? "/tmp/memkata-no-results", StringComparison.Ordinal)
                .Replace("__MARKER__", marker, StringComparison.Ordinal)
                .Replace("__SECRET__", Secret, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder, "Counter.cs"), text);

            var report = _grader.Value.Grade(folder);

            ExpectedResult.Load(source).AssertMatches(report);
            return (report, marker);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<string> HostProcessesWith(string marker) =>
    [
        .. Directory.GetDirectories("/proc")
            .Where(p => Path.GetFileName(p).All(char.IsDigit))
            .Select(p =>
            {
                try
                {
                    return File.ReadAllText(Path.Combine(p, "cmdline")).Replace('\0', ' ');
                }
                catch (IOException)
                {
                    return "";
                }
            })
            .Where(cmdline => cmdline.Contains(marker, StringComparison.Ordinal)),
    ];

    // A results file of the grader's caller, outside any folder the sandbox sees.
    private sealed class ResultsFile : IDisposable
    {
        public const string Original = "{\"score\": 0, \"written by\": \"the grader\"}";
        private readonly string _folder = Directory.CreateTempSubdirectory("memkata-results-").FullName;

        public ResultsFile() => File.WriteAllText(Path, Original);

        public string Path => System.IO.Path.Combine(_folder, "results.json");

        public string Text => File.ReadAllText(Path);

        public void Dispose() => Directory.Delete(_folder, recursive: true);
    }
}
