using System.Text.Json;
using MemKata.Grading.Layout;
using MemKata.Grading.Model;
using MemKata.Grading.Reports;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Reports;

public sealed class GradescopeVisibilityTests
{
    [Test]
    public void Visibility_comes_from_the_test_then_its_task_then_the_default()
    {
        var settings = new GradescopeSettings(
            "after_due_date",
            new Dictionary<string, string> { ["1"] = "visible", ["snapshots"] = "hidden" },
            new Dictionary<string, string> { ["A2"] = "after_published" });
        var report = HandMadeReport.PerfectWithOptionalUnmet() with { Gradescope = settings };

        var visibility = Tests(report).ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("visibility").GetString());

        Assert.Multiple(() =>
        {
            Assert.That(visibility["Task 1 · A1"], Is.EqualTo("visible"));
            Assert.That(visibility["Task 1 · A2"], Is.EqualTo("after_published"));
            Assert.That(visibility["Task 2 · B1"], Is.EqualTo("after_due_date"));
        });
    }

    [Test]
    public void Without_settings_every_test_is_visible_and_the_leaderboard_is_empty()
    {
        using var json = Parse(HandMadeReport.PerfectWithOptionalUnmet());

        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetProperty("tests").EnumerateArray().Select(t => t.GetProperty("visibility").GetString()), Is.All.EqualTo("visible"));
            Assert.That(json.RootElement.GetProperty("leaderboard").GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public void Hidden_failure_details_keep_the_status_and_drop_the_why()
    {
        var report = HandMadeReport.RepeatedCause(3) with { Gradescope = new GradescopeSettings(null, null, null, HideFailureDetails: true) };

        using var json = Parse(report);
        var tests = json.RootElement.GetProperty("tests").EnumerateArray().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(tests.Select(t => t.GetProperty("status").GetString()), Is.All.EqualTo("failed"));
            Assert.That(tests.Select(t => t.GetProperty("output").GetString()), Is.All.EqualTo(GradescopeReport.HiddenDetails));
            Assert.That(json.RootElement.GetProperty("output").GetString(), Does.Not.Contain("size word"));
            Assert.That(GradescopeSchema.Problems(json.RootElement), Is.Empty);
        });
    }

    [Test]
    public void The_grades_leaderboard_is_carried_as_given()
    {
        var report = HandMadeReport.PerfectWithOptionalUnmet() with
        {
            Leaderboard = [new LeaderboardEntry("performance index", 1.25), new LeaderboardEntry("syscalls", 360, "asc")],
        };

        using var json = Parse(report);
        var board = json.RootElement.GetProperty("leaderboard").EnumerateArray().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(board.Select(c => c.GetProperty("name").GetString()), Is.EqualTo(new[] { "performance index", "syscalls" }));
            Assert.That(board[1].GetProperty("value").GetDouble(), Is.EqualTo(360));
            Assert.That(board[1].GetProperty("order").GetString(), Is.EqualTo("asc"));
            Assert.That(board[0].TryGetProperty("order", out _), Is.False);
        });
    }

    [Test]
    public void Tests_come_in_task_order_with_numbers_task_dot_test()
    {
        var numbers = Tests(HandMadeReport.PerfectWithOptionalUnmet()).Select(t => t.GetProperty("number").GetString());

        Assert.That(numbers, Is.EqualTo(new[] { "1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2" }));
    }

    [Test]
    public void An_unknown_visibility_in_grader_json_is_named()
    {
        var settings = new GradescopeSettings("visible", new Dictionary<string, string> { ["2"] = "later" }, null);

        Assert.That(settings.FirstInvalid(), Is.EqualTo("tasks.2: \"later\""));
    }

    private static List<JsonElement> Tests(GradeReport report)
    {
        using var json = Parse(report);
        return [.. json.RootElement.GetProperty("tests").EnumerateArray().Select(t => t.Clone())];
    }

    private static JsonDocument Parse(GradeReport report)
    {
        using var writer = new StringWriter();
        GradescopeReport.Write(report, writer);
        return JsonDocument.Parse(writer.ToString());
    }
}
