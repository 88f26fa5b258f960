namespace MemKata.Scenarios.Tests;

public class ScenarioYamlTests
{
    private static string Error(string yaml) =>
        Assert.Throws<ScenarioException>(() => ScenarioParser.Parse(yaml, "s.yaml"))!.Message;

    [Test]
    public void Deep_nesting_is_refused_before_the_yaml_library_recurses() =>
        Assert.That(Error("steps: " + new string('[', 100_000) + new string(']', 100_000)),
            Does.StartWith("s.yaml:1:39: lists and mappings are nested more than 32 deep"));

    [Test]
    public void An_unclosed_brace_is_reported_where_it_opens() =>
        Assert.That(Error("name: x\nmachine: { ram: 4 GiB\nsteps:\n  - malloc: 1\n"), Does.StartWith("s.yaml:2:10: not valid YAML: this bracket or block is never closed"));

    [Test]
    public void A_tab_is_reported_where_it_is() =>
        Assert.That(Error("name: x\nsteps:\n  - malloc: 1\n\t- free: p\n"), Is.EqualTo("s.yaml:4:1: a tab in the indentation: YAML indents with spaces only"));

    [Test]
    public void A_second_document_is_refused() =>
        Assert.That(Error("steps: [sleep]\n---\nsteps: [sleep]\n"), Does.StartWith("s.yaml:2:1: a second YAML document"));

    [Test]
    public void A_key_without_a_value_is_refused_not_thrown() =>
        Assert.That(Error("name: x\nsteps:\n  - malloc: 1\n:\n"), Does.StartWith("s.yaml:4:2: not valid YAML: a key without a value here"));

    [Test]
    public void An_escape_in_a_name_is_refused() =>
        Assert.That(Error("name: \"\\e[31m\"\nsteps: [sleep]\n"), Does.StartWith(@"s.yaml:1:7: name holds the control character \x1b"));

    [Test]
    public void A_size_beyond_8_EiB_is_a_message_not_an_overflow() =>
        Assert.That(Error("steps:\n  - malloc: 99999999999999999999.5 TiB\n"), Does.Contain("is more than 8 EiB"));

    [TestCase("processes: []\nsteps: [sleep]\n", "s.yaml:1:12: the list of processes is empty")]
    [TestCase("processes: [ {name: ''} ]\nsteps: [sleep]\n", "s.yaml:1:21: a process name is 1 to 64 characters")]
    [TestCase("machine: { ram: 64 MiB, min_free_kbytes: 65536 }\nsteps: [sleep]\n", "s.yaml:1:42: min_free_kbytes (65536 kB) must be less than the RAM")]
    public void Machines_and_processes_that_cannot_run_are_refused(string yaml, string expected) =>
        Assert.That(Error(yaml), Does.StartWith(expected));
}
