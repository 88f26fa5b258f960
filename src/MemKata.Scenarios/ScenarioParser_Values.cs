using System.Globalization;
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
                    throw Error(key, $"unknown key '{name}' here (expected one of {string.Join(", ", allowed)})");
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

        private string Text(YamlNode node, string what) =>
            (node as YamlScalarNode)?.Value ?? throw Error(node, $"{what} must be a single value");

        private ulong Size(YamlNode node, string what)
        {
            var text = Text(node, what);
            return ByteSize.TryParse(text, out var bytes) ? bytes : throw Error(node, $"{what}: '{text}' is not a size (try 4096, 132 KiB, 1 GiB)");
        }

        private int Int(YamlNode node, string what, int min, int max)
        {
            var text = Text(node, what);
            return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : throw Error(node, $"{what} must be a whole number from {min} to {max}, not '{text}'");
        }

        private bool Bool(YamlNode node, string what) => Text(node, what) switch
        {
            "true" or "yes" => true,
            "false" or "no" => false,
            var other => throw Error(node, $"{what} must be true or false, not '{other}'"),
        };

        private static SourcePosition Position(YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);

        private ScenarioException Error(YamlNode node, string problem) => new(file, Position(node), problem);
    }
}
