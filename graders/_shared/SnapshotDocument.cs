using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace MemKata.Graders.Shared;

/// <summary>
/// What a snapshot file holds: what was run (under the grader's own key, <c>Program</c> or <c>Scenario</c>), what is
/// compared, and one line per event. Serialized by Snapshooter as a JSON object with exactly those three keys, in that order.
/// </summary>
/// <param name="SubjectKey">The key of the first field, naming what a subject is in this grader.</param>
/// <param name="Subject">The program's or scenario's name.</param>
/// <param name="Compared">The sentence saying what the events record and what they leave out.</param>
/// <param name="Events">One line per observed event, in order.</param>
internal sealed record SnapshotDocument(string SubjectKey, string Subject, string Compared, IReadOnlyList<string> Events)
{
    /// <summary>The key of the sentence saying what is compared.</summary>
    public const string ComparedKey = "Compared";

    /// <summary>The key of the event lines.</summary>
    public const string EventsKey = "Events";

    /// <summary>The document as the JSON object Snapshooter writes (keys in file order).</summary>
    public JObject ToJson() => new()
    {
        [SubjectKey] = Subject,
        [ComparedKey] = Compared,
        [EventsKey] = new JArray(Events),
    };

    /// <summary>The event lines of the snapshot <paramref name="text"/> (the file <paramref name="fileName"/>); throws
    /// <see cref="InvalidDataException"/> naming the file when it holds no <c>Events</c> array.</summary>
    public static List<string> ReadEvents(string text, string fileName)
    {
        using var json = JsonDocument.Parse(text);
        if (!json.RootElement.TryGetProperty(EventsKey, out var events) || events.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{fileName}: no \"{EventsKey}\" array; regenerate the snapshots from the reference.");
        }

        return [.. events.EnumerateArray().Select(e => e.GetString() ?? string.Empty)];
    }
}
