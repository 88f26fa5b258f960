using System.Text.Json;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Gradescope;

/// <summary>The results.json checker finds what it is there to find: a checker that passes everything proves nothing.</summary>
public sealed class GradescopeSchemaTests
{
    [Test]
    public void A_conforming_document_has_no_problem()
    {
        using var json = JsonDocument.Parse("""
            { "score": 2, "output": "", "visibility": "visible", "stdout_visibility": "hidden",
              "tests": [ { "name": "t", "score": 2, "max_score": 2, "status": "passed", "output": "", "tags": ["task 1"], "visibility": "visible" } ] }
            """);

        Assert.That(GradescopeSchema.Problems(json.RootElement), Is.Empty);
    }

    [Test]
    public void Each_departure_is_named_with_its_field()
    {
        using var json = JsonDocument.Parse("""
            { "score": "2", "visibility": "sometimes", "scores": 1,
              "tests": [ { "name": "t", "score": 2, "status": "ok", "output": 3, "tags": [1], "visibility": "visible" } ] }
            """);

        Assert.That(GradescopeSchema.Problems(json.RootElement), Is.EquivalentTo(new[]
        {
            "the root has an undocumented key \"scores\"",
            "the root.score is a String, not a Number",
            "the root.visibility is \"sometimes\", not one of hidden, after_due_date, after_published, visible",
            "tests[0] has no \"max_score\"",
            "tests[0].output is a Number, not a String",
            "tests[0].status is \"ok\", not one of passed, failed",
            "tests[0].tags is not an array of strings",
        }));
    }
}
