namespace MemKata.Scenarios.Comparing;

/// <summary>One line of a run's transcript: a step (its call and result) or a kernel event it caused.</summary>
/// <param name="Label">An event's sequence number (<c>#17</c>); empty for a step line.</param>
/// <param name="Text">What is compared: the step line, or the event without its sequence number (so that one extra
/// event does not make every later line differ).</param>
/// <param name="Step">The step the line belongs to (0: starting the processes).</param>
public sealed record TranscriptLine(string Label, string Text, int Step)
{
    /// <summary>True for a step line, false for an event.</summary>
    public bool IsStep => Label.Length == 0;

    /// <summary>The line as shown: a step as it is, an event indented under its step with its number.</summary>
    public string Display => IsStep ? Text : $"  {Label} {Text}";
}
