namespace MemKata.Reports.Html.Recording;

/// <summary>One band of a class's scores, as the class chart draws it.</summary>
/// <param name="From">Its lowest score.</param>
/// <param name="To">Its highest (excluded but in the last band).</param>
/// <param name="Learners">Learners in it.</param>
public sealed record ChartBand(double From, double To, int Learners);

/// <summary>How a class did on one task, as the class chart draws it.</summary>
/// <param name="Label">The task as the reader knows it (<c>task 2: Free lists</c>).</param>
/// <param name="MaxPoints">What it is worth.</param>
/// <param name="Mean">The class's mean points.</param>
/// <param name="Median">The class's median points.</param>
/// <param name="FullMarks">Learners with every test passed.</param>
/// <param name="Partial">Learners who started it and got some points.</param>
/// <param name="Nothing">Learners who started it and got none.</param>
/// <param name="NotStarted">Learners who did not start it (or have no submission).</param>
public sealed record TaskSpread(string Label, double MaxPoints, double Mean, double Median, int FullMarks, int Partial, int Nothing, int NotStarted);

/// <summary>A class's grades as the class summary page draws them. The grader's own statistics (MemKata.Grading's
/// <c>ClassStatistics</c>) are mapped to this by the command, so the report does not depend on the grading pipeline.</summary>
/// <param name="Exercise">The exercise's slug.</param>
/// <param name="Outcomes">How many submissions ended each way (the grader's outcome names: <c>Graded</c>,
/// <c>CompileError</c>...).</param>
/// <param name="NoSubmission">Learners on the roster without a submission (counted as 0).</param>
/// <param name="MaxScore">The maximum score.</param>
/// <param name="Scores">Every learner's score.</param>
/// <param name="Mean">The mean score.</param>
/// <param name="Median">The median score.</param>
/// <param name="Bands">The scores in bands, lowest first.</param>
/// <param name="Tasks">Each task, in task order.</param>
public sealed record ClassChart(
    string Exercise,
    IReadOnlyList<(string Outcome, int Count)> Outcomes,
    int NoSubmission,
    double MaxScore,
    IReadOnlyList<double> Scores,
    double Mean,
    double Median,
    IReadOnlyList<ChartBand> Bands,
    IReadOnlyList<TaskSpread> Tasks);
