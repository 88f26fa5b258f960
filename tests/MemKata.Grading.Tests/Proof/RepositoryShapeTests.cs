using System.Text.RegularExpressions;
using System.Xml.Linq;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Proof;

/// <summary>docs/ARCHITECTURE.md, the page a newcomer reads first, stays true: every path it names exists, its project
/// table lists every project in an order that the project references respect, and the house rules it states hold:
/// one test project per src project, no source file over 500 lines.</summary>
public sealed partial class RepositoryShapeTests
{
    private static string Root => TestData.RealRepository;

    private static string Architecture => File.ReadAllText(Path.Combine(Root, "docs", "ARCHITECTURE.md"));

    private static IEnumerable<string> SourceProjects => Directory.GetDirectories(Path.Combine(Root, "src"))
        .Where(d => Directory.GetFiles(d, "*.csproj").Length > 0)
        .Select(d => Path.GetFileName(d)!)
        .Order(StringComparer.Ordinal);

    [Test]
    public void Every_repository_path_the_architecture_page_names_exists()
    {
        var missing = PathPattern().Matches(Architecture)
            .Select(m => m.Groups[1].Value.TrimEnd('/'))
            .Where(p => !p.Contains('*', StringComparison.Ordinal) && !p.Contains('<', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Where(p => !File.Exists(Path.Combine(Root, p)) && !Directory.Exists(Path.Combine(Root, p)))
            .ToList();

        Assert.That(missing, Is.Empty, "docs/ARCHITECTURE.md names paths that do not exist");
    }

    [Test]
    public void Every_file_the_kernel_and_allocator_tables_name_is_in_its_folder()
    {
        var missing = new List<string>();
        foreach (var row in Architecture.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var folder = FolderCell().Match(row) is { Success: true } f ? Path.Combine("src", "MemKata.Engine", f.Groups[1].Value) : null;
            var files = FileName().Matches(row).Select(m => m.Groups[1].Value).ToList();
            if (folder is not null)
            {
                missing.AddRange(files.Where(name => !File.Exists(Path.Combine(Root, folder, name))).Select(name => $"{folder}/{name}"));
            }
            else if (row.StartsWith("| `GlibcMalloc", StringComparison.Ordinal) || row.StartsWith("| `ChunkLayout", StringComparison.Ordinal))
            {
                var libc = Path.Combine("src", "MemKata.Engine", "Libc");
                missing.AddRange(files.Where(name => !File.Exists(Path.Combine(Root, libc, name))).Select(name => $"{libc}/{name}"));
            }
        }

        Assert.That(missing, Is.Empty, "docs/ARCHITECTURE.md's tables name files that are not where they say");
    }

    [Test]
    public void The_project_table_lists_every_project_and_references_point_down_it()
    {
        var order = ProjectRow().Matches(Architecture).Select(m => m.Groups[1].Value).ToList();
        var wrong = new List<string>();
        foreach (var project in SourceProjects)
        {
            var at = order.IndexOf(project);
            if (at < 0)
            {
                wrong.Add($"{project} is not in the table");
                continue;
            }

            var csproj = Directory.GetFiles(Path.Combine(Root, "src", project), "*.csproj").Single();
            foreach (var reference in XDocument.Load(csproj).Descendants("ProjectReference"))
            {
                var target = Path.GetFileNameWithoutExtension((string)reference.Attribute("Include")!);
                if (order.IndexOf(target) <= at && target != project)
                {
                    wrong.Add($"{project} references {target}, which the table lists above it");
                }
            }
        }

        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void Each_src_project_has_one_test_project_and_each_test_project_one_src_project()
    {
        var tests = Directory.GetDirectories(Path.Combine(Root, "tests"))
            .Select(d => Path.GetFileName(d)!)
            .Where(name => name.EndsWith(".Tests", StringComparison.Ordinal))
            .Select(name => name[..^".Tests".Length])
            .Order(StringComparer.Ordinal);

        Assert.That(tests, Is.EqualTo(SourceProjects));
    }

    [Test]
    public void No_source_file_is_over_500_lines()
    {
        var long_ = new[] { "src", "graders", "exercises" }
            .SelectMany(top => Directory.GetFiles(Path.Combine(Root, top), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(Root, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > 500)
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToList();

        Assert.That(long_, Is.Empty);
    }

    [GeneratedRegex(@"`((?:src|tests|docs|exercises|graders)/[^`\s]+)`")]
    private static partial Regex PathPattern();

    [GeneratedRegex(@"^\| `(Kernel/[A-Za-z]+/)`")]
    private static partial Regex FolderCell();

    [GeneratedRegex(@"`([A-Za-z_]+\.cs)`")]
    private static partial Regex FileName();

    [GeneratedRegex(@"`src/(MemKata[A-Za-z.]*)`")]
    private static partial Regex ProjectRow();
}
