using MemKata.Grading.Model;

namespace MemKata.Grading.Reports;

/// <summary>The machine-readable report formats of <c>memkata grade --format</c>.</summary>
public static class ReportFormat
{
    /// <summary>Gradescope's <c>results.json</c>.</summary>
    public const string Gradescope = "gradescope";

    /// <summary>JUnit XML, as CI systems read it.</summary>
    public const string JUnit = "junit";

    /// <summary>The result JSON of GitHub Classroom's autograding runners.</summary>
    public const string Classroom = "classroom";

    /// <summary>Autolab's autograder output: feedback, then the autoresult JSON as the last line.</summary>
    public const string Autolab = "autolab";

    /// <summary>Every format name.</summary>
    public static IReadOnlyList<string> All { get; } = [Gradescope, JUnit, Classroom, Autolab];

    /// <summary>Writes <paramref name="report"/> in <paramref name="format"/> to <paramref name="writer"/>.</summary>
    public static void Write(string format, GradeReport report, TextWriter writer)
    {
        switch (format)
        {
            case Gradescope:
                GradescopeReport.Write(report, writer);
                break;
            case JUnit:
                JUnitReport.Write(report, writer);
                break;
            case Classroom:
                ClassroomReport.Write(report, writer);
                break;
            case Autolab:
                AutolabReport.Write(report, writer);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, $"Formats: {string.Join(", ", All)}.");
        }
    }
}
