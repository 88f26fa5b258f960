namespace MemKata.Grading.Layout;

/// <summary>
/// The <c>gradescope</c> block of <c>grader.json</c>: who sees which test when, on Gradescope (docs/GRADING.md,
/// "Gradescope"). A test's visibility is the first that applies of: <see cref="Tests"/> by its name (as NUnit names
/// it, e.g. <c>Chunks_output_is_identical_to_glibc(SmallReuse,701UL)</c>, or its method name alone), <see cref="Tasks"/>
/// by its task number (<c>"7"</c>) or kind (<c>"snapshots"</c>, <c>"reports"</c>), <see cref="Visibility"/>, and else
/// <c>visible</c>. Each is one of Gradescope's <c>visible</c>, <c>hidden</c>, <c>after_due_date</c>,
/// <c>after_published</c>.
/// </summary>
/// <param name="Visibility">Every test's visibility unless a more specific entry says otherwise.</param>
/// <param name="Tasks">Visibility by task number or kind.</param>
/// <param name="Tests">Visibility by test name.</param>
/// <param name="HideFailureDetails">True: a learner sees which tests failed but not why (each failed test's output is
/// one sentence, and the summary lists no causes); compile errors are still shown, and the readable report in the
/// instructors' stdout keeps every detail.</param>
public sealed record GradescopeSettings(
    string? Visibility,
    IReadOnlyDictionary<string, string>? Tasks,
    IReadOnlyDictionary<string, string>? Tests,
    bool HideFailureDetails = false)
{
    /// <summary>Gradescope's visibilities.</summary>
    public static readonly IReadOnlyList<string> Visibilities = ["visible", "hidden", "after_due_date", "after_published"];

    /// <summary>The first value that is not a Gradescope visibility, as <c>where: value</c>, or null when all are.</summary>
    public string? FirstInvalid() =>
        new[] { ("visibility", Visibility) }
            .Concat((Tasks ?? new Dictionary<string, string>()).Select(t => ($"tasks.{t.Key}", (string?)t.Value)))
            .Concat((Tests ?? new Dictionary<string, string>()).Select(t => ($"tests.{t.Key}", (string?)t.Value)))
            .Where(v => v.Item2 is not null && !Visibilities.Contains(v.Item2))
            .Select(v => $"{v.Item1}: \"{v.Item2}\"")
            .FirstOrDefault();
}
