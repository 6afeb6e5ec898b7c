using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace StreamSql.Execution.Expressions.Kernels.Json;

/// <summary>How the JSON functions write JSON: compact, non-ASCII text as it is, and every object's members sorted by
/// key, as Flink's SqlJsonUtils writes through a Jackson mapper with <c>ORDER_MAP_ENTRIES_BY_KEYS</c> (for
/// deterministic output): <c>JSON_QUERY('{"b":1,"a":2}', '$')</c> is <c>{"a":2,"b":1}</c>.</summary>
internal static class JsonWriting
{
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a parsed value with each object's members in key order (Java's <c>String.compareTo</c>: UTF-16
    /// code units); of a key given twice the last value is kept, as Jackson reads an object into a map.</summary>
    public static void WriteSorted(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(writer, value);
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray()) WriteSorted(writer, item);
                writer.WriteEndArray();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    private static void WriteObject(Utf8JsonWriter writer, JsonElement value)
    {
        int count = 0;
        foreach (var _ in value.EnumerateObject()) count++;
        var members = ArrayPool<(string Name, int Position, JsonElement Value)>.Shared.Rent(count);
        try
        {
            int k = 0;
            foreach (var p in value.EnumerateObject()) { members[k] = (p.Name, k, p.Value); k++; }
            var span = members.AsSpan(0, count);
            span.Sort(static (a, b) =>
            {
                int byName = string.CompareOrdinal(a.Name, b.Name);
                return byName != 0 ? byName : a.Position.CompareTo(b.Position);
            });
            writer.WriteStartObject();
            for (int m = 0; m < span.Length; m++)
            {
                if (m + 1 < span.Length && span[m + 1].Name == span[m].Name) continue;
                writer.WritePropertyName(span[m].Name);
                WriteSorted(writer, span[m].Value);
            }
            writer.WriteEndObject();
        }
        finally
        {
            ArrayPool<(string, int, JsonElement)>.Shared.Return(members, clearArray: true);
        }
    }
}
