using System.Text.Json;

namespace MemKata.Grading.Tests.Support;

/// <summary>
/// Gradescope's documented <c>results.json</c> format (https://gradescope-autograders.readthedocs.io/en/latest/specs/,
/// "Output format"), as a checker: each problem is one line naming the field. What MemKata always writes is required
/// here even where Gradescope makes it optional: a top-level <c>score</c>, and on every test <c>name</c>, <c>score</c>,
/// <c>max_score</c>, <c>status</c>, <c>output</c> and <c>visibility</c>.
/// </summary>
internal static class GradescopeSchema
{
    private static readonly string[] _visibilities = ["hidden", "after_due_date", "after_published", "visible"];

    // Documented keys, plus MemKata's top-level max_score (not in the specification; Gradescope takes the maximum from
    // the assignment's settings).
    private static readonly string[] _topLevelKeys =
        ["score", "execution_time", "output", "output_format", "test_output_format", "test_name_format", "visibility",
         "stdout_visibility", "extra_data", "tests", "leaderboard", "max_score"];

    private static readonly string[] _testKeys =
        ["score", "max_score", "status", "name", "name_format", "number", "output", "output_format", "tags", "visibility", "extra_data"];

    /// <summary>Every way <paramref name="results"/> departs from the format; empty when it conforms.</summary>
    public static List<string> Problems(JsonElement results)
    {
        var problems = new List<string>();
        if (results.ValueKind != JsonValueKind.Object)
        {
            return [$"the root is a {results.ValueKind}, not an object"];
        }

        Unknown(results, _topLevelKeys, "the root", problems);
        Require(results, "score", JsonValueKind.Number, "the root", problems);
        Optional(results, "execution_time", JsonValueKind.Number, "the root", problems);
        Optional(results, "output", JsonValueKind.String, "the root", problems);
        Optional(results, "extra_data", JsonValueKind.Object, "the root", problems);
        OneOf(results, "visibility", _visibilities, "the root", required: false, problems);
        OneOf(results, "stdout_visibility", _visibilities, "the root", required: false, problems);
        if (!Require(results, "tests", JsonValueKind.Array, "the root", problems))
        {
            return problems;
        }

        var index = 0;
        foreach (var test in results.GetProperty("tests").EnumerateArray())
        {
            var where = $"tests[{index++}]";
            if (test.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{where} is a {test.ValueKind}, not an object");
                continue;
            }

            Unknown(test, _testKeys, where, problems);
            Require(test, "name", JsonValueKind.String, where, problems);
            Require(test, "score", JsonValueKind.Number, where, problems);
            Require(test, "max_score", JsonValueKind.Number, where, problems);
            Require(test, "output", JsonValueKind.String, where, problems);
            Optional(test, "number", JsonValueKind.String, where, problems);
            Optional(test, "extra_data", JsonValueKind.Object, where, problems);
            OneOf(test, "status", ["passed", "failed"], where, required: true, problems);
            OneOf(test, "visibility", _visibilities, where, required: true, problems);
            if (test.TryGetProperty("tags", out var tags)
                && (tags.ValueKind != JsonValueKind.Array || tags.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String)))
            {
                problems.Add($"{where}.tags is not an array of strings");
            }
        }

        return problems;
    }

    private static bool Require(JsonElement element, string key, JsonValueKind kind, string where, List<string> problems)
    {
        if (!element.TryGetProperty(key, out var value))
        {
            problems.Add($"{where} has no \"{key}\"");
            return false;
        }

        if (value.ValueKind != kind)
        {
            problems.Add($"{where}.{key} is a {value.ValueKind}, not a {kind}");
            return false;
        }

        return true;
    }

    private static void Optional(JsonElement element, string key, JsonValueKind kind, string where, List<string> problems)
    {
        if (element.TryGetProperty(key, out _))
        {
            Require(element, key, kind, where, problems);
        }
    }

    private static void OneOf(JsonElement element, string key, string[] allowed, string where, bool required, List<string> problems)
    {
        if (!element.TryGetProperty(key, out var value))
        {
            if (required)
            {
                problems.Add($"{where} has no \"{key}\"");
            }

            return;
        }

        if (value.ValueKind != JsonValueKind.String || !allowed.Contains(value.GetString()))
        {
            problems.Add($"{where}.{key} is {value.GetRawText()}, not one of {string.Join(", ", allowed)}");
        }
    }

    private static void Unknown(JsonElement element, string[] known, string where, List<string> problems) =>
        problems.AddRange(element.EnumerateObject().Where(p => !known.Contains(p.Name)).Select(p => $"{where} has an undocumented key \"{p.Name}\""));
}
