using System.Globalization;
using MemKata.Engine.Input;
using YamlDotNet.RepresentationModel;

namespace MemKata.Scenarios;

/// <summary>Reading single values out of YAML nodes (sizes, numbers, flags, names), each failure a message with its place.</summary>
public static partial class ScenarioParser
{
    private sealed partial class Reader
    {
        private Dictionary<string, YamlNode> Keys(YamlMappingNode node, params string[] allowed)
        {
            var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (key, value) in node.Children)
            {
                var name = (key as YamlScalarNode)?.Value ?? throw Error(key, "keys must be plain words");
                if (!allowed.Contains(name))
                {
                    throw Error(key, $"unknown key {InputText.Quote(name)} here (expected one of {string.Join(", ", allowed)})");
                }

                if (result.ContainsKey(name))
                {
                    throw Error(key, $"the key {InputText.Quote(name)} is given twice here");
                }

                result[name] = value;
            }

            return result;
        }

        private YamlNode Required(Dictionary<string, YamlNode> map, YamlNode owner, string key) =>
            map.TryGetValue(key, out var node) ? node : throw Error(owner, $"missing '{key}'");

        private YamlMappingNode Mapping(YamlNode node, string what) =>
            node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping (key: value lines)");

        private IEnumerable<YamlNode> Sequence(YamlNode node, string what) =>
            node as YamlSequenceNode ?? throw Error(node, $"{what} must be a list (lines starting with '- ')");

        // A value is printed on the terminal: no control character (an escape such as "\e" in double quotes makes one),
        // except tabs, and the line breaks of an explanation.
        private string Text(YamlNode node, string what)
        {
            var text = (node as YamlScalarNode)?.Value ?? throw Error(node, $"{what} must be a single value");
            var bad = what == "explain" ? InputText.IndexOfUnsafe(text, allowTabsAndLineBreaks: true) : InputText.IndexOfUnsafe(text.Replace('\t', ' '));
            return bad < 0
                ? text
                : throw Error(node, $"{what} holds the control character {InputText.Escape(text[bad].ToString())}: names and texts are printed on a terminal, so they must be plain text");
        }

        private ulong Size(YamlNode node, string what)
        {
            var text = Text(node, what);
            return ByteSize.TryParse(text, out var bytes, out var tooLarge)
                ? bytes
                : throw Error(node, tooLarge
                    ? $"{what}: {InputText.Quote(text)} is more than 8 EiB (2^63 bytes), the largest size memkata takes"
                    : $"{what}: {InputText.Quote(text)} is not a size (try 4096, 132 KiB, 1 GiB)");
        }

        private int Int(YamlNode node, string what, int min, int max)
        {
            var text = Text(node, what);
            return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : throw Error(node, $"{what} must be a whole number from {min} to {max}, not {InputText.Quote(text)}");
        }

        private bool Bool(YamlNode node, string what) => Text(node, what) switch
        {
            "true" or "yes" => true,
            "false" or "no" => false,
            var other => throw Error(node, $"{what} must be true or false, not {InputText.Quote(other)}"),
        };

        private static SourcePosition Position(YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);

        private ScenarioException Error(YamlNode node, string problem) => new(file, Position(node), problem);
    }
}
