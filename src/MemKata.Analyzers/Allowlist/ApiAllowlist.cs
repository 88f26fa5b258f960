using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace MemKata.Analyzers.Allowlist;

/// <summary>
/// The one reviewed list of what learner code may use (<c>Allowlist.txt</c>, embedded in this assembly): parsed once,
/// and asked by both layers. <see cref="IsAllowed"/> answers for source (the analyzer, MK0001);
/// <see cref="ImageScopes"/> and <see cref="IsReferenceable"/> answer for a compiled image (the image check), which also
/// accepts what the compiler emits for allowed code, each only where the compiler puts it. A <c>deny</c> entry always wins
/// over an <c>allow</c>.
/// </summary>
public sealed class ApiAllowlist
{
    /// <summary>The name of the embedded resource that holds the list.</summary>
    public const string ResourceName = "MemKata.Analyzers.Allowlist.txt";

    private static readonly Lazy<ApiAllowlist> _default = new(Load);

    private readonly List<AllowlistEntry> _entries = [];
    private readonly Dictionary<string, List<AllowlistEntry>> _byTypeId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<AllowlistEntry>> _byNamespace = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, string>> _advice = [];
    private readonly HashSet<string> _assemblies = new(StringComparer.Ordinal);
    private string _defaultAdvice = "it is not on the list of allowed APIs";

    private ApiAllowlist()
    {
    }

    /// <summary>The allowlist embedded in this assembly.</summary>
    public static ApiAllowlist Default => _default.Value;

    /// <summary>Every <c>allow</c>, <c>type</c>, <c>deny</c> and <c>image</c> entry, in file order.</summary>
    public IReadOnlyList<AllowlistEntry> Entries => _entries;

    /// <summary>The assemblies a compiled learner image may reference, by simple name.</summary>
    public IReadOnlyCollection<string> Assemblies => _assemblies;

    /// <summary>Reads an allowlist. Throws <see cref="FormatException"/> naming the line of the first bad entry.</summary>
    /// <param name="text">The file's text (format: the comment at its top).</param>
    public static ApiAllowlist Parse(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var list = new ApiAllowlist();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            try
            {
                list.Add(line, i + 1);
            }
            catch (FormatException e)
            {
                throw new FormatException($"Allowlist.txt:{i + 1}: {e.Message}", e);
            }
        }

        return list;
    }

    /// <summary>True if source code may use <paramref name="api"/>: no <c>deny</c> names it, and an <c>allow</c> names
    /// it (a type also by a <c>type</c> entry).</summary>
    public bool IsAllowed(ApiName api)
    {
        var allowed = false;
        foreach (var entry in Candidates(api))
        {
            switch (entry.Keyword)
            {
                case AllowlistKeyword.Deny:
                    return false;
                case AllowlistKeyword.Allow:
                case AllowlistKeyword.Type when api.Kind == 'T':
                    allowed = true;
                    break;
            }
        }

        return allowed;
    }

    /// <summary>True if a <c>deny</c> entry names <paramref name="api"/>.</summary>
    public bool IsDenied(ApiName api) => Candidates(api).Any(e => e.Keyword == AllowlistKeyword.Deny);

    /// <summary>True if source code may use <paramref name="api"/> only as the receiver of a call to an allowed member: a
    /// <c>receiver</c> entry names it and no <c>deny</c> does.</summary>
    public bool IsReceiverOnly(ApiName api)
    {
        var receiver = false;
        foreach (var entry in Candidates(api))
        {
            switch (entry.Keyword)
            {
                case AllowlistKeyword.Deny:
                    return false;
                case AllowlistKeyword.Receiver:
                    receiver = true;
                    break;
            }
        }

        return receiver;
    }

    /// <summary>Where a compiled image may use <paramref name="api"/>: <see cref="ImageScope.Anywhere"/> if source may,
    /// otherwise the scopes of the <c>image</c> entries that name it and <see cref="ImageScope.Receiver"/> for a
    /// <c>receiver</c> entry (none: nowhere).</summary>
    public IReadOnlyList<ImageScope> ImageScopes(ApiName api)
    {
        if (IsAllowed(api))
        {
            return [ImageScope.Anywhere];
        }

        var scopes = Candidates(api).Where(e => e.Keyword == AllowlistKeyword.Image).Select(e => e.Scope);
        return (IsReceiverOnly(api) ? scopes.Append(ImageScope.Receiver) : scopes).Distinct().ToList();
    }

    /// <summary>The types (documentation IDs without kind: <c>System.Runtime.CompilerServices.NullableAttribute</c>) that
    /// <c>image T:... SCOPE</c> entries name with <paramref name="scope"/>: the by-address and embedded types.</summary>
    public IReadOnlyCollection<string> ImageTypes(ImageScope scope) =>
        new HashSet<string>(_entries.Where(e => e.Keyword == AllowlistKeyword.Image && e.Kind == 'T' && e.Scope == scope)
            .Select(e => e.TypeId), StringComparer.Ordinal);

    /// <summary>True if a compiled image may name the type <paramref name="type"/> at all (a TypeRef): it is allowed, or
    /// an entry names one of its members or nested types. What the image does with it is decided member by member.</summary>
    public bool IsReferenceable(ApiName type)
    {
        if (type is null)
        {
            throw new ArgumentNullException(nameof(type));
        }

        if (ImageScopes(type).Count > 0)
        {
            return true;
        }

        var prefix = type.TypeId + ".";
        return _entries.Any(e => e.Keyword != AllowlistKeyword.Deny && e.NamespaceWildcard is null
            && (e.TypeId == type.TypeId || e.TypeId.StartsWith(prefix, StringComparison.Ordinal)))
            && !Candidates(type).Any(e => e.Keyword == AllowlistKeyword.Deny);
    }

    /// <summary>What to use instead of <paramref name="api"/>: the advice with the longest prefix of its ID.</summary>
    public string AdviceFor(ApiName api)
    {
        if (api is null)
        {
            throw new ArgumentNullException(nameof(api));
        }

        var id = api.IdWithoutKind;
        var best = _defaultAdvice;
        var bestLength = -1;
        foreach (var advice in _advice)
        {
            if (advice.Key.Length > bestLength && id.StartsWith(advice.Key, StringComparison.Ordinal))
            {
                best = advice.Value;
                bestLength = advice.Key.Length;
            }
        }

        return best;
    }

    /// <summary>The entries that could name <paramref name="api"/>, filtered to those that do.</summary>
    private IEnumerable<AllowlistEntry> Candidates(ApiName api)
    {
        if (api is null)
        {
            throw new ArgumentNullException(nameof(api));
        }

        if (_byNamespace.TryGetValue(api.Namespace, out var inNamespace))
        {
            foreach (var entry in inNamespace)
            {
                yield return entry;
            }
        }

        for (var depth = 1; depth <= api.TypeDepth; depth++)
        {
            if (_byTypeId.TryGetValue(api.TypeIdAt(depth), out var entries))
            {
                foreach (var entry in entries)
                {
                    if (entry.Matches(api))
                    {
                        yield return entry;
                    }
                }
            }
        }
    }

    private void Add(string line, int number)
    {
        var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var keyword = words[0];
        var minimum = keyword == "image" ? 4 : 3;
        if (words.Length < minimum)
        {
            throw new FormatException($"'{line}': an entry is KEYWORD ID{(keyword == "image" ? " SCOPE" : "")} REASON");
        }

        var reason = string.Join(" ", words, minimum - 1, words.Length - minimum + 1);
        switch (keyword)
        {
            case "assembly":
                _assemblies.Add(words[1]);
                return;
            case "advice" when words[1] == "*":
                _defaultAdvice = reason;
                return;
            case "advice":
                _advice.Add(new KeyValuePair<string, string>(words[1], reason));
                return;
        }

        var entry = new AllowlistEntry(Keyword(keyword), words[1], keyword == "image" ? Scope(words[2]) : ImageScope.Anywhere,
            reason, number);
        if (entry.Keyword == AllowlistKeyword.Type && (entry.Kind != 'T' || entry.NamespaceWildcard is not null))
        {
            throw new FormatException($"'{entry.Id}': a type entry names one type");
        }

        if (entry.Keyword == AllowlistKeyword.Receiver && entry.Kind is not ('P' or 'F'))
        {
            throw new FormatException($"'{entry.Id}': a receiver entry names a property or a field");
        }

        if (entry.Scope is ImageScope.ByAddress or ImageScope.Embedded && (entry.Kind != 'T' || entry.NamespaceWildcard is not null))
        {
            throw new FormatException($"'{entry.Id}': the scope {words[2]} is for one type");
        }

        _entries.Add(entry);
        var index = entry.NamespaceWildcard is null ? _byTypeId : _byNamespace;
        var key = entry.NamespaceWildcard ?? entry.TypeId;
        if (!index.TryGetValue(key, out var bucket))
        {
            index[key] = bucket = [];
        }

        bucket.Add(entry);
    }

    private static AllowlistKeyword Keyword(string word) => word switch
    {
        "allow" => AllowlistKeyword.Allow,
        "type" => AllowlistKeyword.Type,
        "deny" => AllowlistKeyword.Deny,
        "image" => AllowlistKeyword.Image,
        "receiver" => AllowlistKeyword.Receiver,
        _ => throw new FormatException($"unknown keyword '{word}' (allow, type, receiver, deny, image, assembly, advice)"),
    };

    private static ImageScope Scope(string word) => word switch
    {
        "anywhere" => ImageScope.Anywhere,
        "helpers" => ImageScope.Helpers,
        "data" => ImageScope.Data,
        "iterators" => ImageScope.Iterators,
        "records" => ImageScope.Records,
        "inline-arrays" => ImageScope.InlineArrays,
        "assembly" => ImageScope.Assembly,
        "collections" => ImageScope.Collections,
        "by-address" => ImageScope.ByAddress,
        "embedded" => ImageScope.Embedded,
        _ => throw new FormatException(
            $"unknown scope '{word}' (anywhere, helpers, data, iterators, records, inline-arrays, assembly, collections, by-address, embedded)"),
    };

    private static ApiAllowlist Load()
    {
        using var stream = typeof(ApiAllowlist).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The analyzer assembly lacks its embedded {ResourceName}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
