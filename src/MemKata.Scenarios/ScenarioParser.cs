using MemKata.Engine.Input;
using MemKata.Engine.Kernel;
using YamlDotNet.RepresentationModel;

namespace MemKata.Scenarios;

/// <summary>
/// Reads a scenario from YAML. Every problem is reported as a <see cref="ScenarioException"/> naming the file, line,
/// column and what is wrong (unknown key, bad size, a step naming a process or pointer that does not exist...).
/// </summary>
/// <remarks>
/// <code>
/// name: malloc(1) grows the heap by 132 KiB
/// explain: |
///   What a real system does...
/// machine: { ram: 4 GiB, swap: 0, arch: x86-64, overcommit: 0, swappiness: 60 }
/// files: [ { name: data.bin, size: 1 MiB } ]
/// processes: [ { name: app, oom_score_adj: 0 } ]      # optional: one process named "app" by default
/// steps:
///   - malloc: 1            # size; `as: p` names the pointer, `in: app` names the process when there are several
///     as: p
///   - calloc: { count: 1, size: 1 MiB }
///   - realloc: p           # with `size:`; the result replaces p unless `as:` says otherwise
///   - touch: p             # one byte per page; `access: read|write` (write), `offset:`, `length:` (the block)
///   - map_file: data.bin   # `length:` (the file), `offset:`, `shared:` (true), `writable:` (false), `as:`
///   - free: p
///   - oom_score_adj: 500
///   - sleep                # nothing runs for a while: kswapd catches up
///   - exit: app
/// </code>
/// </remarks>
public static partial class ScenarioParser
{
    /// <summary>The longest process name a scenario may give.</summary>
    public const int MaxNameLength = 64;

    private static readonly string[] Verbs = ["malloc", "calloc", "realloc", "free", "touch", "map_file", "oom_score_adj", "sleep", "exit"];

    /// <summary>The largest scenario file memkata reads: 1 MiB (the built-in ones are about 2 KiB).</summary>
    public const long MaxFileBytes = 1 << 20;

    /// <summary>Reads the scenario file at <paramref name="path"/>, which must be a regular file of at most
    /// <see cref="MaxFileBytes"/> (<see cref="InputFileException"/> otherwise).</summary>
    public static Scenario Load(string path) => Parse(ReadText(path), path);

    /// <summary>The text of the scenario file at <paramref name="path"/>, read as <see cref="Load"/> reads it (a
    /// regular file of at most <see cref="MaxFileBytes"/>; <see cref="InputFileException"/> otherwise).</summary>
    public static string ReadText(string path)
    {
        using var reader = InputFile.OpenText(path, "scenario", "a .yaml file", MaxFileBytes);
        return reader.ReadToEnd();
    }

    /// <summary>Parses <paramref name="yaml"/>; <paramref name="fileName"/> is what error messages call the file.</summary>
    public static Scenario Parse(string yaml, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        var root = ScenarioYaml.Load(yaml, fileName);
        return root is YamlMappingNode mapping
            ? new Reader(fileName).Scenario(mapping)
            : throw new ScenarioException(fileName, new SourcePosition((int)root.Start.Line, (int)root.Start.Column),
                "a scenario is a mapping with name, machine, processes and steps (name: ..., steps: ...)");
    }

    private sealed partial class Reader(string file)
    {
        private readonly Dictionary<string, HashSet<string>> _pointers = new(StringComparer.Ordinal);

        public Scenario Scenario(YamlMappingNode root)
        {
            var map = Keys(root, "name", "explain", "machine", "files", "processes", "steps");
            var machine = map.TryGetValue("machine", out var m) ? Machine(Mapping(m, "machine")) : new MachineConfig();
            var files = map.TryGetValue("files", out var f) ? Sequence(f, "files").Select(FileSpec).ToList() : [];
            var processes = map.TryGetValue("processes", out var p) ? Sequence(p, "processes").Select(Process).ToList() : [new ScenarioProcess("app", 0)];
            if (processes.Count == 0)
            {
                throw Error(p!, "the list of processes is empty: give at least one (or leave processes out for one named app)");
            }

            foreach (var duplicate in processes.GroupBy(x => x.Name).Where(g => g.Count() > 1))
            {
                throw Error(p!, $"two processes are named {InputText.Quote(duplicate.Key)}");
            }

            foreach (var process in processes)
            {
                _pointers[process.Name] = [];
            }

            if (!map.TryGetValue("steps", out var s))
            {
                throw Error(root, "the scenario has no steps");
            }

            var steps = Sequence(s, "steps").Select(node => Step(node, processes, files)).ToList();
            return new Scenario(
                map.TryGetValue("name", out var n) ? Text(n, "name") : "unnamed scenario",
                map.TryGetValue("explain", out var e) ? Text(e, "explain").TrimEnd() : "",
                machine, files, processes, steps);
        }

        private MachineConfig Machine(YamlMappingNode node)
        {
            var map = Keys(node, "ram", "swap", "arch", "overcommit", "overcommit_ratio", "overcommit_kbytes", "swappiness", "min_free_kbytes", "kswapd_period");
            var config = new MachineConfig();
            if (map.TryGetValue("ram", out var ram))
            {
                config = config with { RamBytes = Size(ram, "ram") };
            }

            if (map.TryGetValue("swap", out var swap))
            {
                config = config with { SwapBytes = Size(swap, "swap") };
            }

            if (map.TryGetValue("arch", out var arch))
            {
                config = config with { Architecture = ArchitectureProfile.FromName(Text(arch, "arch")) ?? throw Error(arch, "arch must be x86-64 or i386") };
            }

            if (map.TryGetValue("overcommit", out var mode))
            {
                config = config with
                {
                    Overcommit = Text(mode, "overcommit") switch
                    {
                        "0" or "heuristic" => OvercommitMode.Heuristic,
                        "1" or "always" => OvercommitMode.Always,
                        "2" or "never" => OvercommitMode.Never,
                        _ => throw Error(mode, "overcommit must be 0 (heuristic), 1 (always) or 2 (never)"),
                    },
                };
            }

            config = config with
            {
                OvercommitRatio = map.TryGetValue("overcommit_ratio", out var r) ? Int(r, "overcommit_ratio", 0, 10000) : config.OvercommitRatio,
                OvercommitKbytes = map.TryGetValue("overcommit_kbytes", out var k) ? (ulong)Int(k, "overcommit_kbytes", 0, int.MaxValue) : 0,
                Swappiness = map.TryGetValue("swappiness", out var sw) ? Int(sw, "swappiness", 0, 200) : config.Swappiness,
                MinFreeKbytes = map.TryGetValue("min_free_kbytes", out var mf) ? MinFree(mf, config.RamBytes) : null,
                KswapdPeriod = map.TryGetValue("kswapd_period", out var kp) ? Int(kp, "kswapd_period", 1, int.MaxValue) : config.KswapdPeriod,
            };
            try
            {
                config.Validate();
            }
            catch (ArgumentException e)
            {
                throw Error(node, e.Message.Replace("MachineConfig: ", "", StringComparison.Ordinal));
            }

            return config;
        }

        private ScenarioFile FileSpec(YamlNode node)
        {
            var map = Keys(Mapping(node, "a file"), "name", "size");
            return new ScenarioFile(Text(Required(map, node, "name"), "name"), Size(Required(map, node, "size"), "size"));
        }

        // The kernel keeps min_free_kbytes free for itself: at least a page of RAM must be left for processes.
        private ulong MinFree(YamlNode node, ulong ramBytes)
        {
            var kbytes = (ulong)Int(node, "min_free_kbytes", 0, int.MaxValue);
            return kbytes * 1024 < ramBytes
                ? kbytes
                : throw Error(node, $"min_free_kbytes ({kbytes} kB) must be less than the RAM ({ramBytes / 1024} kB): the kernel keeps that much free for itself");
        }

        private ScenarioProcess Process(YamlNode node)
        {
            var map = Keys(Mapping(node, "a process"), "name", "oom_score_adj");
            var adj = map.TryGetValue("oom_score_adj", out var a) ? Int(a, "oom_score_adj", -1000, 1000) : 0;
            var nameNode = Required(map, node, "name");
            var name = Text(nameNode, "name");
            return name.Trim().Length is > 0 and <= MaxNameLength
                ? new ScenarioProcess(name, adj)
                : throw Error(nameNode, $"a process name is 1 to {MaxNameLength} characters, not only spaces; got {InputText.Quote(name)}");
        }

        private ScenarioStep Step(YamlNode node, List<ScenarioProcess> processes, List<ScenarioFile> files)
        {
            var at = Position(node);
            if (node is YamlScalarNode scalar)
            {
                return scalar.Value switch
                {
                    "sleep" => new SleepStep("", at),
                    "exit" => new ExitStep(OnlyProcess(node, processes), at),
                    _ => throw Error(node, $"unknown step {InputText.Quote(scalar.Value ?? "")} (expected one of {string.Join(", ", Verbs)})"),
                };
            }

            var map = Mapping(node, "a step");
            var verbs = map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!).Where(Verbs.Contains).ToList();
            if (verbs.Count != 1)
            {
                throw Error(node, verbs.Count == 0
                    ? $"a step needs one of {string.Join(", ", Verbs)} (found: {InputText.Quote(string.Join(", ", map.Children.Keys))})"
                    : $"a step does one thing, this one says {string.Join(" and ", verbs)}");
            }

            var verb = verbs[0];
            var keys = verb switch
            {
                "malloc" => new[] { "in", "as" },
                "calloc" => ["in", "as"],
                "realloc" => ["in", "as", "size"],
                "touch" => ["in", "access", "offset", "length"],
                "map_file" => ["in", "as", "length", "offset", "shared", "writable"],
                _ => ["in"],
            };
            var fields = Keys(map, [verb, .. keys]);
            var value = fields[verb];
            var process = fields.TryGetValue("in", out var who) ? ProcessName(who, processes) : verb == "exit" && value is YamlScalarNode { Value: { Length: > 0 } }
                ? ProcessName(value, processes)
                : verb == "sleep" ? "" : OnlyProcess(node, processes);
            return verb switch
            {
                "malloc" => new MallocStep(process, at, Size(value, "malloc"), Define(process, fields)),
                "calloc" => Calloc(process, at, value, fields),
                "realloc" => Realloc(process, at, value, fields),
                "free" => new FreeStep(process, at, Use(process, value)),
                "touch" => Touch(process, at, value, fields),
                "map_file" => MapFile(process, at, value, fields, files),
                "oom_score_adj" => new OomScoreAdjStep(process, at, Int(value, "oom_score_adj", -1000, 1000)),
                "sleep" => new SleepStep(process, at),
                _ => new ExitStep(process, at),
            };
        }

        private CallocStep Calloc(string process, SourcePosition at, YamlNode value, Dictionary<string, YamlNode> fields)
        {
            var args = Keys(Mapping(value, "calloc (count and size)"), "count", "size");
            return new CallocStep(process, at, Size(Required(args, value, "count"), "count"), Size(Required(args, value, "size"), "size"), Define(process, fields));
        }

        private ReallocStep Realloc(string process, SourcePosition at, YamlNode value, Dictionary<string, YamlNode> fields)
        {
            var pointer = Use(process, value);
            var size = Size(Required(fields, value, "size"), "size");
            var result = fields.TryGetValue("as", out var a) ? Text(a, "as") : pointer;
            _pointers[process].Add(result);
            return new ReallocStep(process, at, pointer, size, result);
        }

        private TouchStep Touch(string process, SourcePosition at, YamlNode value, Dictionary<string, YamlNode> fields)
        {
            var write = !fields.TryGetValue("access", out var access) || Text(access, "access") switch
            {
                "write" => true,
                "read" => false,
                _ => throw Error(access, "access must be read or write"),
            };
            return new TouchStep(process, at, Use(process, value),
                fields.TryGetValue("offset", out var o) ? Size(o, "offset") : 0,
                fields.TryGetValue("length", out var l) ? Size(l, "length") : null,
                write);
        }

        private MapFileStep MapFile(string process, SourcePosition at, YamlNode value, Dictionary<string, YamlNode> fields, List<ScenarioFile> files)
        {
            var name = Text(value, "map_file");
            var file = files.FirstOrDefault(f => f.Name == name) ?? throw Error(value, $"no file named {InputText.Quote(name)} (declare it under files:)");
            return new MapFileStep(process, at, name,
                fields.TryGetValue("offset", out var o) ? Size(o, "offset") : 0,
                fields.TryGetValue("length", out var l) ? Size(l, "length") : file.Size,
                !fields.TryGetValue("shared", out var s) || Bool(s, "shared"),
                fields.TryGetValue("writable", out var w) && Bool(w, "writable"),
                Define(process, fields));
        }

        private string Define(string process, Dictionary<string, YamlNode> fields)
        {
            var name = fields.TryGetValue("as", out var a) ? Text(a, "as") : "";
            if (name.Length > 0)
            {
                _pointers[process].Add(name);
            }

            return name;
        }

        private string Use(string process, YamlNode node)
        {
            var name = Text(node, "pointer");
            return _pointers[process].Contains(name)
                ? name
                : throw Error(node, $"{InputText.Quote(name)} is not a pointer of process {InputText.Quote(process)} yet (name one with as: in an earlier step)");
        }

        private string ProcessName(YamlNode node, List<ScenarioProcess> processes)
        {
            var name = Text(node, "in");
            return processes.Any(p => p.Name == name)
                ? name
                : throw Error(node, $"no process named {InputText.Quote(name)} (processes: {InputText.Quote(string.Join(", ", processes.Select(p => p.Name)), 200)})");
        }

        private string OnlyProcess(YamlNode node, List<ScenarioProcess> processes) =>
            processes.Count == 1 ? processes[0].Name : throw Error(node, "there are several processes: say which one with in: NAME");
    }
}
