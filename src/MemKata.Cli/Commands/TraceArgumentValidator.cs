using System.CommandLine.Parsing;

namespace MemKata.Cli.Commands;

/// <summary>Checks on a TRACE argument that System.CommandLine does not make by itself.</summary>
internal static class TraceArgumentValidator
{
    /// <summary>Rejects a value that looks like an option (<c>--verbose</c>): System.CommandLine would otherwise take an
    /// unknown option for the trace's file name and the user would read "no such file" instead of "unknown option".</summary>
    public static void RejectOptionLookalikes(ArgumentResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (token.Value.Length > 1 && token.Value[0] == '-')
            {
                result.AddError(
                    $"Unrecognized option '{token.Value}' (a trace file named so can be given as ./{token.Value}).");
            }
        }
    }
}
