using System.CommandLine;
using MemKata.Grading.Sandbox;

namespace MemKata.Cli.Commands;

/// <summary><c>memkata sandbox</c>: says whether this machine isolates learner code when it grades, layer by layer
/// (<see cref="SandboxStatus"/>); exit code 0 when every layer is active, 1 when one is missing.</summary>
internal static class SandboxCommand
{
    /// <summary>Shown after the command's help: what it checks and its exit codes.</summary>
    public const string HelpSection =
        "It looks for bubblewrap (bwrap), setpriv and prlimit, then starts the .NET runtime in the sandbox exactly as a\n" +
        "grading worker starts, and says which layers hold here. Grading works without them, with fewer layers: the\n" +
        "report of each grading says in one line which layer is missing.\n\n" +
        "Exit codes:\n" +
        "  0   full isolation: every layer is active\n" +
        "  1   degraded: a layer is missing (the lines above say which, and how to get it)";

    private const string Description =
        "Say whether this machine isolates learner code when it grades (bubblewrap, an unprivileged sandbox user, " +
        "process limits), and which layer is missing if any.";

    /// <summary>Builds the command; its action writes to <paramref name="context"/>'s output.</summary>
    public static Command Create(CliContext context)
    {
        var command = new Command("sandbox", Description);
        command.SetAction(_ => Run(context, SandboxProbe.Machine));
        return command;
    }

    private static int Run(CliContext context, SandboxStatus status)
    {
        foreach (var (layer, active, detail) in status.Layers)
        {
            context.Out.WriteLine($"{(active ? "active " : "MISSING")}  {layer}: {detail}");
        }

        context.Out.WriteLine(status.IsComplete
            ? "This machine isolates learner code: full sandbox."
            : $"This machine does not fully isolate learner code. {status.MissingLine}");
        return status.IsComplete ? ExitCodes.Success : ExitCodes.Different;
    }
}
