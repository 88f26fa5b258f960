using MemKata.Grading.Sandbox;

namespace MemKata.Cli.Tests.Commands;

/// <summary><c>memkata sandbox</c> says, layer by layer, what this machine's probe found, and exits 0 only with every
/// layer active.</summary>
public sealed class SandboxCommandTests
{
    [Test]
    public void It_lists_every_layer_and_exits_as_the_probe_says()
    {
        var stdout = new StringWriter();

        var exitCode = CliApp.Run(["sandbox"], stdout, new StringWriter());

        var status = SandboxProbe.Machine;
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(status.IsComplete ? ExitCodes.Success : ExitCodes.Different));
            foreach (var (layer, active, _) in status.Layers)
            {
                Assert.That(stdout.ToString(), Does.Contain($"{(active ? "active " : "MISSING")}  {layer}: "));
            }

            Assert.That(stdout.ToString(), Does.Contain(status.IsComplete ? "full sandbox" : status.MissingLine));
        });
    }
}
