using System.Text.RegularExpressions;

namespace MemKata.Grading.Publishing;

/// <summary>
/// Keeps a published starter free of dead links. The pages learners get (the rule pages of docs/rules, the exercises'
/// instructions and hints) may link to files of the repository that a starter does not hold, such as the analyzers'
/// sources. After everything is written, each relative link of each Markdown page in the starter is checked against
/// the starter itself: a link to a file that is there stays; a link to a text file of the repository (the allowlist)
/// brings that file along beside the page; any other link becomes its label alone.
/// </summary>
internal static partial class StarterLinks
{
    /// <summary>Fixes every Markdown page of <paramref name="written"/> (paths relative to <paramref name="output"/>,
    /// '/'-separated) whose links point outside the starter; files brought along are added to
    /// <paramref name="written"/>. <paramref name="repositoryRoot"/> is where the pages came from.</summary>
    public static void Fix(string repositoryRoot, string output, List<string> written)
    {
        ArgumentNullException.ThrowIfNull(written);
        foreach (var page in written.Where(f => f.EndsWith(".md", StringComparison.Ordinal)).ToList())
        {
            var path = Path.Combine(output, page);
            var text = File.ReadAllText(path);
            var folder = Path.GetDirectoryName(page) ?? "";
            var fixedText = Link().Replace(text, m => Localize(m, folder, repositoryRoot, output, written));
            if (!string.Equals(fixedText, text, StringComparison.Ordinal))
            {
                File.WriteAllText(path, fixedText);
            }
        }
    }

    // One link: kept when its target is in the starter, otherwise brought along (a .txt) or unlinked.
    private static string Localize(Match link, string folder, string repositoryRoot, string output, List<string> written)
    {
        var target = link.Groups["target"].Value;
        var file = target.Split('#')[0];
        if (file.Length == 0 || file.Contains(':', StringComparison.Ordinal))
        {
            return link.Value;
        }

        var inStarter = Path.GetFullPath(Path.Combine(output, folder, file));
        if (File.Exists(inStarter) || Directory.Exists(inStarter))
        {
            return link.Value;
        }

        var inRepository = Path.GetFullPath(Path.Combine(repositoryRoot, folder, file));
        if (file.EndsWith(".txt", StringComparison.Ordinal) && File.Exists(inRepository)
            && inRepository.StartsWith(Path.GetFullPath(repositoryRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            var name = Path.GetFileName(inRepository);
            var beside = Path.Combine(folder, name).Replace('\\', '/');
            if (!written.Contains(beside, StringComparer.Ordinal))
            {
                File.Copy(inRepository, Path.Combine(output, beside));
                written.Add(beside);
            }

            return $"[{link.Groups["label"].Value}]({name})";
        }

        return link.Groups["label"].Value;
    }

    [GeneratedRegex(@"\[(?<label>[^\]\n]*)\]\((?<target>[^)\s]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
