using MemKata.Engine.Kernel;

namespace MemKata.Scenarios.Tests;

public class ScenarioParserTests
{
    private const string Valid = """
        name: demo
        machine: { ram: 64 MiB, swap: 1 GiB, overcommit: 2, arch: i386 }
        processes:
          - name: a
          - { name: b, oom_score_adj: -5 }
        steps:
          - malloc: 132 KiB
            in: a
            as: p
          - touch: p
            in: a
            access: read
            length: 4 KiB
          - sleep
          - exit: b
        """;

    [Test]
    public void A_valid_scenario_is_read_into_the_model()
    {
        var scenario = ScenarioParser.Parse(Valid, "demo.yaml");

        Assert.That(scenario.Machine.RamBytes, Is.EqualTo(64UL << 20));
        Assert.That(scenario.Machine.Overcommit, Is.EqualTo(OvercommitMode.Never));
        Assert.That(scenario.Machine.Architecture, Is.EqualTo(ArchitectureProfile.I386));
        Assert.That(scenario.Processes[1], Is.EqualTo(new ScenarioProcess("b", -5)));
        Assert.That(scenario.Steps[0], Is.EqualTo(new MallocStep("a", new SourcePosition(7, 5), 132 * 1024, "p")));
        Assert.That(scenario.Steps[1], Is.EqualTo(new TouchStep("a", new SourcePosition(10, 5), "p", 0, 4096, Write: false)));
        Assert.That(scenario.Steps[2], Is.TypeOf<SleepStep>());
        Assert.That(scenario.Steps[3], Is.EqualTo(new ExitStep("b", new SourcePosition(15, 5))));
    }

    [TestCase("steps:\n  - maloc: 1\n", "bad.yaml:2:5: a step needs one of malloc")]
    [TestCase("steps:\n  - malloc: lots\n", "bad.yaml:2:13: malloc: 'lots' is not a size")]
    [TestCase("machine:\n  ram: 4 GiB\n  cpus: 4\nsteps:\n  - sleep\n", "bad.yaml:3:3: unknown key 'cpus' here")]
    [TestCase("steps:\n  - free: p\n", "bad.yaml:2:11: 'p' is not a pointer of process 'app' yet")]
    [TestCase("processes: [ {name: a}, {name: b} ]\nsteps:\n  - malloc: 1\n", "bad.yaml:3:5: there are several processes")]
    [TestCase("steps:\n  - malloc: 1\n    in: nobody\n", "bad.yaml:3:9: no process named 'nobody'")]
    [TestCase("machine: { overcommit: 3 }\nsteps: [sleep]\n", "bad.yaml:1:24: overcommit must be 0")]
    [TestCase("steps:\n  - malloc: [1\n", "bad.yaml:")]
    [TestCase("name: no steps\n", "bad.yaml:1:1: the scenario has no steps")]
    public void Errors_name_the_file_line_column_and_problem(string yaml, string expected)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse(yaml, "bad.yaml"));

        Assert.That(error!.Message, Does.StartWith(expected));
    }

    [Test]
    public void Sizes_read_as_people_write_them()
    {
        Assert.That(ByteSize.TryParse("132 KiB", out var a) ? a : 0, Is.EqualTo(135168UL));
        Assert.That(ByteSize.TryParse("1.5 GiB", out var b) ? b : 0, Is.EqualTo(3UL << 29));
        Assert.That(ByteSize.TryParse("4096", out var c) ? c : 0, Is.EqualTo(4096UL));
        Assert.That(ByteSize.TryParse("8 GB", out var d) ? d : 0, Is.EqualTo(8UL << 30));
        Assert.That(ByteSize.TryParse("many", out _), Is.False);
        Assert.That(ByteSize.Format(135168), Is.EqualTo("132 KiB"));
        Assert.That(ByteSize.Format(4097), Is.EqualTo("4097 B"));
    }
}
