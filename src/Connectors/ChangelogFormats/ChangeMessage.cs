using System.Text.Json;
using System.Text.RegularExpressions;
using StreamSql.Connectors.Filesystem;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.ChangelogFormats;

/// <summary>What the change-data parsers share: parsing a message, appending a row image with its kind, name filters.</summary>
internal static class ChangeMessage
{
    /// <summary>The message as a JSON document, or the syntax error.</summary>
    public static JsonDocument? Parse(ReadOnlySpan<byte> message, out string? error)
    {
        error = null;
        try
        {
            var reader = new Utf8JsonReader(message);
            var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
            document.Dispose();
            error = "expected a JSON object";
        }
        catch (JsonException e)
        {
            error = JsonRecordParser.InvalidJson(e);
        }
        return null;
    }

    /// <summary>Appends a row image (an object's fields by column name, <paramref name="overlay"/>'s where it has them).</summary>
    public static string? Append(JsonRecordParser rows, JsonElement image, JsonElement overlay, RowKind kind, string where,
        ColumnBuilder[] columns, RowKindList kinds)
    {
        var error = rows.TryAppendObject(image, overlay, columns);
        if (error is not null) return $"{where}: {error}";
        kinds.Add(kind);
        return null;
    }

    /// <summary>An integer field (epoch milliseconds and the like), or null.</summary>
    public static long? Long(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n)
            ? n : null;

    public static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A whole-name filter from an include option (null: everything).</summary>
    public static Regex? Filter(string? pattern) =>
        string.IsNullOrEmpty(pattern) ? null : new Regex("^(?:" + pattern + ")$", RegexOptions.CultureInvariant);

    public static bool Included(Regex? filter, string? name) => filter is null || (name is not null && filter.IsMatch(name));
}
