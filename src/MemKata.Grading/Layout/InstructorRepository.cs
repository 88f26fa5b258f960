namespace MemKata.Grading.Layout;

/// <summary>
/// The instructors' commands (<c>memkata grade</c>, <c>snapshots update</c>, <c>publish</c>) need the hidden graders; a
/// learner's starter repository has the same <c>memkata</c> without them. This check turns that case into one clear
/// sentence instead of a missing-file error further on.
/// </summary>
public static class InstructorRepository
{
    /// <summary>The folder only an instructor's repository has.</summary>
    public const string GradersFolder = "graders";

    /// <summary>Throws <see cref="GradingInputException"/> saying that <paramref name="command"/> (e.g. <c>grade</c>) is
    /// for instructors, and what a learner can run instead, when <paramref name="repositoryRoot"/> has no
    /// <c>graders/</c> folder.</summary>
    public static void Require(string repositoryRoot, string command)
    {
        if (!Directory.Exists(Path.Combine(repositoryRoot, GradersFolder)))
        {
            throw new GradingInputException(
                $"{command} is for instructors and needs the hidden graders, which {Path.GetFullPath(repositoryRoot)} " +
                "does not have (a starter repository never does). To check your work, run dotnet test exercises/SLUG, " +
                "or compare with the reference: memkata scenario compare SCENARIO --exercise exercises/SLUG.");
        }
    }
}
