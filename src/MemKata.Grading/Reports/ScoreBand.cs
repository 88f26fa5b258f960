namespace MemKata.Grading.Reports;

/// <summary>One band of the class's scores: from <see cref="From"/> up to <see cref="To"/> (the last band includes its
/// top), and how many learners scored in it.</summary>
/// <param name="From">Its lowest score.</param>
/// <param name="To">Its highest (excluded but in the last band).</param>
/// <param name="Learners">Learners in it.</param>
public sealed record ScoreBand(double From, double To, int Learners);
