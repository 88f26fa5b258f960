namespace MemKata.Grading.Reports;

/// <summary>How a class did on one task (or the snapshot checks): points and who got how far.</summary>
/// <param name="Number">The task's number.</param>
/// <param name="Title">Its title (<c>snapshot checks</c> for the snapshot row), or null.</param>
/// <param name="MaxPoints">What it is worth.</param>
/// <param name="Points">Each learner's points, learners without a submission as 0.</param>
/// <param name="FullMarks">Learners who passed every test of it.</param>
/// <param name="Partial">Learners who started it and got some points but not all tests.</param>
/// <param name="Nothing">Learners who started it and got no points.</param>
/// <param name="NotStarted">Learners who did not start it (every test met the stub), or have no submission.</param>
public sealed record TaskStatistics(
    int Number, string? Title, double MaxPoints, IReadOnlyList<double> Points, int FullMarks, int Partial, int Nothing, int NotStarted)
{
    /// <summary>The mean of <see cref="Points"/>.</summary>
    public double Mean => Points.Count == 0 ? 0 : Points.Average();

    /// <summary>The median of <see cref="Points"/>.</summary>
    public double Median => ClassStatistics.Median(Points);
}
