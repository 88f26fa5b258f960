using System.Text.Json;

namespace MemKata.Grading.Worker.Protocol;

/// <summary>The JSON settings both ends of the worker protocol use: camelCase, nulls left out.</summary>
public static class WorkerJson
{
    /// <summary>The shared serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
