namespace MemKata.Grading.Worker.Protocol;

/// <summary>For <see cref="WorkerJobKinds.Scenario"/>: a scenario to run with the learner's component in place of its
/// reference (<c>memkata scenario compare</c>).</summary>
/// <param name="Yaml">The scenario's text, already parsed once by the grader (so a mistake in it never reaches the
/// worker).</param>
/// <param name="FileName">What messages call the scenario's file.</param>
/// <param name="Component">The learner's component type, a public class in no namespace.</param>
/// <param name="LearnerImage">The learner's compiled assembly (PDB embedded).</param>
/// <param name="ShowPageTables">Whether to send the processes' page tables after each step (<c>--show</c>).</param>
/// <param name="ShowLru">Whether to send the LRU lists after each step.</param>
/// <param name="ShowStep">The one step to send views after, or null for every step.</param>
/// <param name="ShowFaults">Whether views hold the step's page faults and the handler's calls for them.</param>
/// <param name="ShowReclaims">Whether views hold the step's reclaim passes.</param>
public sealed record ScenarioRequest(
    string Yaml, string FileName, string Component, byte[] LearnerImage, bool ShowPageTables = false, bool ShowLru = false, int? ShowStep = null,
    bool ShowFaults = false, bool ShowReclaims = false);
