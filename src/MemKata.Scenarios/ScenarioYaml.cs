using MemKata.Engine.Input;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace MemKata.Scenarios;

/// <summary>
/// Turns a scenario's text into one YAML document, checking first, in one streaming pass over YAML's events, what the
/// YAML library would otherwise choke on or let through: control characters (a scenario is printed on a terminal),
/// nesting deeper than <see cref="MaxDepth"/> (100,000 brackets overflow the library's recursive loader), more than one
/// document, aliases to no anchor, and syntax errors whose position the library gets wrong (an unclosed bracket
/// across lines has none; a tab is reported at the end of the line before it). Every problem is a
/// <see cref="ScenarioException"/> naming the line and column.
/// </summary>
internal static class ScenarioYaml
{
    /// <summary>The deepest nesting of mappings and lists a scenario may have (a real one needs 4).</summary>
    public const int MaxDepth = 32;

    /// <summary>The scenario's single document's root node. Throws <see cref="ScenarioException"/>.</summary>
    public static YamlNode Load(string yaml, string file)
    {
        CheckCharacters(yaml, file);
        CheckEvents(yaml, file);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw Syntax(yaml, file, e);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // What the event pass above did not foresee: still a message, never a crash.
            throw new ScenarioException(file, new SourcePosition(1, 1), $"not valid YAML: the YAML reader could not make sense of this file ({InputText.Escape(e.Message)})");
        }

        return stream.Documents.Count == 0
            ? throw new ScenarioException(file, new SourcePosition(1, 1), "the file is empty: a scenario is a mapping with name, machine, processes and steps")
            : stream.Documents[0].RootNode;
    }

    // YAML's printable set: tab, line breaks and everything a terminal shows as text. Anything else is binary data, or an
    // escape sequence waiting to act on the terminal that prints the scenario.
    private static void CheckCharacters(string yaml, string file)
    {
        var at = InputText.IndexOfUnsafe(yaml, allowTabsAndLineBreaks: true);
        if (at < 0)
        {
            return;
        }

        var line = 1 + yaml.AsSpan(0, at).Count('\n');
        var column = at - (yaml.LastIndexOf('\n', Math.Max(at - 1, 0)) + 1) + 1;
        if (at > 0 && yaml[at - 1] == '\n')
        {
            column = 1;
        }

        throw new ScenarioException(file, new SourcePosition(line, column),
            $"the character {InputText.Escape(yaml[at].ToString())} is not text: a scenario is a YAML text file (is this the right file?)");
    }

    // One open mapping or list: where it starts, how many nodes it holds so far, and where the last one starts.
    private sealed class Open(Mark start, bool isMapping)
    {
        public Mark Start { get; } = start;

        public bool IsMapping { get; } = isMapping;

        public int Children { get; set; }

        public Mark LastChild { get; set; } = start;
    }

    private static void CheckEvents(string yaml, string file)
    {
        var parser = new Parser(new StringReader(yaml));
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var open = new Stack<Open>();
        var documents = 0;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                if (current is DocumentStart start)
                {
                    if (++documents > 1)
                    {
                        throw new ScenarioException(file, At(start.Start),
                            "a second YAML document (after --- or ...): a scenario file holds one scenario; put another in a file of its own");
                    }

                    continue;
                }

                if (current is NodeEvent or AnchorAlias && open.TryPeek(out var parent))
                {
                    parent.Children++;
                    parent.LastChild = current.Start;
                }

                switch (current)
                {
                    case NodeEvent { Anchor.IsEmpty: false } node:
                        anchors.Add(node.Anchor.Value);
                        break;
                    case AnchorAlias alias when !anchors.Contains(alias.Value.Value):
                        throw new ScenarioException(file, At(alias.Start),
                            $"*{InputText.Escape(alias.Value.Value)} refers to no anchor (&{InputText.Escape(alias.Value.Value)}) defined before it");
                }

                if (current is MappingStart or SequenceStart)
                {
                    open.Push(new Open(current.Start, current is MappingStart));
                    if (open.Count > MaxDepth)
                    {
                        throw new ScenarioException(file, At(current.Start),
                            $"lists and mappings are nested more than {MaxDepth} deep here: a scenario needs a handful of levels");
                    }
                }
                else if (current is MappingEnd or SequenceEnd)
                {
                    var closed = open.Pop();

                    // The library can end a mapping on a key with no value (a line that is just ':'), then fail to load it.
                    if (closed.IsMapping && closed.Children % 2 == 1)
                    {
                        throw new ScenarioException(file, At(closed.LastChild), "not valid YAML: a key without a value here (a line that is only ':'?)");
                    }
                }
            }
        }
        catch (YamlException e)
        {
            throw Syntax(yaml, file, e);
        }
        catch (InvalidOperationException)
        {
            // The library loses its position on some unclosed brackets: the innermost one still open is the culprit.
            var where = open.Count > 0 ? At(open.Peek().Start) : new SourcePosition(1, 1);
            throw new ScenarioException(file, where,
                "not valid YAML: this bracket or block is never closed (look for a missing ']' or '}', or a bad indentation, after it)");
        }
    }

    private static ScenarioException Syntax(string yaml, string file, YamlException e)
    {
        var detail = (e.InnerException?.Message ?? e.Message).Trim();
        var where = At(e.Start);
        if (detail.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstIndentingTab(yaml, where.Line) is { } tab)
        {
            return new ScenarioException(file, tab, "a tab in the indentation: YAML indents with spaces only");
        }

        if (detail.Length == 0)
        {
            detail = "look for an unclosed bracket or quote, or a bad indentation, here or just before";
        }

        return new ScenarioException(file, where, $"not valid YAML: {InputText.Escape(detail)}");
    }

    // The library reports a tab at the end of the line before it: find the first tab in a line's leading white space,
    // from that line on.
    private static SourcePosition? FirstIndentingTab(string yaml, int fromLine)
    {
        var lines = yaml.Split('\n');
        for (var n = Math.Max(fromLine, 1) - 1; n < lines.Length; n++)
        {
            var text = lines[n];
            var end = 0;
            while (end < text.Length && text[end] is ' ' or '\t')
            {
                end++;
            }

            var tab = text.IndexOf('\t', 0, end);
            if (tab >= 0)
            {
                return new SourcePosition(n + 1, tab + 1);
            }
        }

        return null;
    }

    private static SourcePosition At(Mark mark) => new((int)Math.Min(mark.Line, int.MaxValue), (int)Math.Min(mark.Column, int.MaxValue));
}
