using MemKata.Engine.Input;

namespace MemKata.Grading.Steps;

/// <summary>
/// Part of step 1, collect: where a declared file sits in a submission that does not hold it at its declared path nor
/// at the top. Learners hand in whole repositories: a GitHub Classroom clone or a Gradescope upload from GitHub holds
/// the file at <c>exercises/SLUG/Allocator.cs</c>, a zip may wrap that in one more folder. The search walks the
/// submission breadth first, in name order, never following a link (a linked folder is not entered; links are found by
/// their own name and refused later, as at the top), skipping hidden folders (<c>.git</c>), build output (<c>bin</c>,
/// <c>obj</c>) and <c>node_modules</c>, at most <see cref="MaxDepth"/> folders deep and <see cref="MaxEntries"/>
/// entries in all. One match is taken; among several, the one at <c>exercises/SLUG/FILE</c> if exactly one is; else the
/// submission is ambiguous. Either way the learner reads what was found.
/// </summary>
internal static class SubmissionSearch
{
    /// <summary>How deep below the submission folder the search goes.</summary>
    public const int MaxDepth = 6;

    /// <summary>How many folder entries the search looks at before it stops.</summary>
    public const int MaxEntries = 20_000;

    private const int Listed = 8;

    private static readonly string[] _skipped = ["bin", "obj", "node_modules"];

    /// <summary>The declared file <paramref name="declared"/> of exercise <paramref name="slug"/> in
    /// <paramref name="root"/>: its path relative to the root, or, when there is none or more than one, the problem to
    /// report (listing what was found).</summary>
    public static (string? Relative, string? Problem) Find(string root, string slug, string declared)
    {
        var name = Path.GetFileName(declared);
        var (matches, csharp) = Walk(root, name);
        if (matches.Count == 1)
        {
            return (matches[0], null);
        }

        var preferred = $"exercises/{slug}/{declared.Replace('\\', '/')}";
        var inExercise = matches.Where(m => m == preferred || m.EndsWith("/" + preferred, StringComparison.Ordinal)).ToList();
        if (inExercise.Count == 1)
        {
            return (inExercise[0], null);
        }

        if (matches.Count > 1)
        {
            return (null, $"found {matches.Count} files named {name} and cannot tell which is yours: {List(matches)}. " +
                $"Submit one {name}, at the top of the submission or in exercises/{slug}/.");
        }

        var holds = csharp.Count == 0
            ? "It holds no C# file at all."
            : $"It holds {csharp.Count} other C# {(csharp.Count == 1 ? "file" : "files")}: {List(csharp)}.";
        return (null, $"missing: this exercise grades {declared} (\"files.solution\" in the exercise's config) and the " +
            $"submission has no file of that name, at the top, in exercises/{slug}/ or anywhere below. {holds} " +
            $"Submit your {name} with that exact name.");
    }

    private static (List<string> Matches, List<string> CSharp) Walk(string root, string name)
    {
        var matches = new List<string>();
        var csharp = new List<string>();
        var queue = new Queue<(string Path, string Relative, int Depth)>();
        queue.Enqueue((root, "", 0));
        var seen = 0;
        while (queue.Count > 0 && seen < MaxEntries)
        {
            var (folder, relative, depth) = queue.Dequeue();
            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                if (++seen > MaxEntries)
                {
                    break;
                }

                var path = Path.Combine(folder, entry);
                var inside = relative.Length == 0 ? entry : $"{relative}/{entry}";
                var kind = FileStatus.OfEntry(path);
                if (entry == name)
                {
                    matches.Add(inside);
                }
                else if (kind == FileKind.Regular && entry.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
                {
                    csharp.Add(inside);
                }

                if (kind == FileKind.Directory && depth < MaxDepth && !entry.StartsWith('.') && !_skipped.Contains(entry))
                {
                    queue.Enqueue((path, inside, depth + 1));
                }
            }
        }

        return (matches, csharp);
    }

    private static string List(IReadOnlyList<string> paths) =>
        string.Join(", ", paths.Take(Listed)) + (paths.Count > Listed ? $" and {paths.Count - Listed} more" : "");
}
