using MemKata.Scenarios;

namespace MemKata.Cli.Scenarios;

/// <summary>A <c>--builtin</c> or <c>--scenario</c> name that is not one of <see cref="BuiltInScenarios.Names"/>;
/// the message lists them all.</summary>
internal sealed class UnknownBuiltInException(string name) : Exception(
    $"no built-in scenario named {MemKata.Engine.Input.InputText.Quote(name)}. The built-ins are:\n  {string.Join("\n  ", BuiltInScenarios.Names)}\n" +
    "'memkata scenario list' shows them with their titles.")
{
    /// <summary>The name asked for.</summary>
    public string Name { get; } = name;
}
