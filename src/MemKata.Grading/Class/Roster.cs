namespace MemKata.Grading.Class;

/// <summary>
/// A class roster, <c>--roster FILE</c>: a CSV with the header <c>folder,student_id,email</c> (in any order; other
/// columns are ignored), one row per learner, mapping a submission folder's name to the learner's id and email, so the
/// scores upload as they are. A learner without a folder still gets a row (no submission, score 0); a folder nobody is
/// listed for is graded and written with empty id and email. Malformed input is an error naming
/// <c>FILE:LINE:COL</c>.
/// </summary>
public sealed class Roster
{
    /// <summary>The header the roster must have.</summary>
    public static readonly IReadOnlyList<string> Columns = ["folder", "student_id", "email"];

    private readonly Dictionary<string, RosterEntry> _byFolder;

    private Roster(IReadOnlyList<RosterEntry> entries)
    {
        Entries = entries;
        _byFolder = entries.ToDictionary(e => e.Folder, StringComparer.Ordinal);
    }

    /// <summary>Every learner, in the roster's order.</summary>
    public IReadOnlyList<RosterEntry> Entries { get; }

    /// <summary>The learner whose folder is <paramref name="folder"/>, or null.</summary>
    public RosterEntry? Find(string folder) => _byFolder.GetValueOrDefault(folder);

    /// <summary>Reads the roster at <paramref name="path"/>; throws <see cref="GradingInputException"/> as
    /// <c>FILE:LINE:COL: problem</c>.</summary>
    public static Roster Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new GradingInputException($"no roster {Path.GetFullPath(path)}: give a CSV with the header {string.Join(',', Columns)}.");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads a roster from <paramref name="text"/>, naming <paramref name="path"/> in errors.</summary>
    public static Roster Parse(string text, string path)
    {
        var rows = CsvReader.Parse(text, path);
        if (rows.Count == 0)
        {
            throw new GradingInputException($"{path}:1:1: the roster is empty: its first line must be {string.Join(',', Columns)}.");
        }

        var header = rows[0].Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var index = Columns.Select(c => header.IndexOf(c)).ToArray();
        var missing = Columns.Where((c, i) => index[i] < 0).ToList();
        if (missing.Count > 0)
        {
            throw new GradingInputException($"{path}:1:1: the header has no {string.Join(", ", missing)} column: the first line must name {string.Join(',', Columns)}.");
        }

        var entries = new List<RosterEntry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows.Skip(1))
        {
            string Field(int column) => index[column] < row.Fields.Count ? row.Fields[index[column]].Trim() : "";
            var folder = Field(0);
            if (folder.Length == 0)
            {
                throw new GradingInputException($"{path}:{row.Line}:1: no folder: each row names the learner's submission folder.");
            }

            if (seen.TryGetValue(folder, out var first))
            {
                throw new GradingInputException($"{path}:{row.Line}:1: folder '{folder}' is listed twice (first on line {first}).");
            }

            seen[folder] = row.Line;
            entries.Add(new RosterEntry(folder, Field(1), Field(2)));
        }

        return new Roster(entries);
    }
}
