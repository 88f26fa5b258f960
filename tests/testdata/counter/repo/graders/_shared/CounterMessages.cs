namespace MemKata.Graders.Shared;

// A helper in graders/_shared: the pipeline compiles it into every hidden suite of the fake repository, so the counter
// grader only builds when the shared folder is compiled with it.
internal static class CounterMessages
{
    public static string OnANewCounter(string call) => $"{call} on a new counter";
}
