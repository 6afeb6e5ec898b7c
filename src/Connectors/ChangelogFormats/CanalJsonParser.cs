using System.Text.Json;
using System.Text.RegularExpressions;
using StreamSql.Connectors.Filesystem;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.ChangelogFormats;

/// <summary>
/// Flink's <c>canal-json</c> format, reading: a message
/// <c>{"data": [{...}], "old": [{...}], "type": "INSERT|UPDATE|DELETE", "database": ..., "table": ...}</c> gives, per
/// element of <c>data</c>, <c>+I</c> (INSERT), <c>-D</c> (DELETE), or for UPDATE <c>-U</c> of the previous row (the
/// element with the fields of the same element of <c>old</c>, which holds only the changed ones; see
/// <see cref="BeforeOverlay"/> for a field only another element of <c>old</c> names) and <c>+U</c> of the element. DDL messages (<c>"type": "CREATE"</c> or <c>"isDdl": true</c>) and messages of databases or tables the
/// include options leave out give no rows.
/// </summary>
internal sealed class CanalJsonParser(JsonRecordParser rows, Regex? database, Regex? table) : IChangelogRecordParser
{
    public string IgnoreOption => ChangelogFormatOptions.CanalIgnoreParseErrors.Key;

    public ChangeMetadata Metadata { get; } = new();

    public string? TryAppend(ReadOnlySpan<byte> message, ColumnBuilder[] columns, RowKindList kinds)
    {
        using var document = ChangeMessage.Parse(message, out var error);
        if (document is null) return error;
        var root = document.RootElement;
        if (!ChangeMessage.Included(database, ChangeMessage.Text(root, "database")) || !ChangeMessage.Included(table, ChangeMessage.Text(root, "table")))
            return null;
        if (Metadata.Wanted)
        {
            Metadata.Clear();
            Metadata.Database = ChangeMessage.Text(root, "database");
            Metadata.Table = ChangeMessage.Text(root, "table");
            Metadata.IngestionMillis = ChangeMessage.Long(root, "ts");
            Metadata.EventMillis = ChangeMessage.Long(root, "es");
        }
        var type = ChangeMessage.Text(root, "type");
        if (type == "CREATE" || (root.TryGetProperty("isDdl", out var ddl) && ddl.ValueKind == JsonValueKind.True)) return null;
        if (type is not ("INSERT" or "UPDATE" or "DELETE"))
            return type is null ? "the \"type\" field is missing" : $"unknown \"type\" value \"{type}\"";
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            return $"the \"data\" field of the {type} message is not an array";
        var old = root.TryGetProperty("old", out var o) && o.ValueKind == JsonValueKind.Array ? o : default;
        if (type == "UPDATE" && old.ValueKind != JsonValueKind.Array) return "the \"old\" field of the UPDATE message is not an array";
        int i = 0;
        foreach (var row in data.EnumerateArray())
        {
            error = type switch
            {
                "INSERT" => ChangeMessage.Append(rows, row, default, RowKind.Insert, $"\"data\"[{i}]", columns, kinds),
                "DELETE" => ChangeMessage.Append(rows, row, default, RowKind.Delete, $"\"data\"[{i}]", columns, kinds),
                _ => i >= old.GetArrayLength() ? $"\"old\" has no element {i} for \"data\"[{i}]" : AppendUpdate(row, old, i, columns, kinds),
            };
            if (error is not null) return error;
            i++;
        }
        return null;
    }

    private string? AppendUpdate(JsonElement row, JsonElement old, int i, ColumnBuilder[] columns, RowKindList kinds)
    {
        using var overlay = BeforeOverlay(old, i);
        return ChangeMessage.Append(rows, row, overlay?.RootElement ?? old[i], RowKind.UpdateBefore, $"\"old\"[{i}]", columns, kinds)
            ?? ChangeMessage.Append(rows, row, default, RowKind.UpdateAfter, $"\"data\"[{i}]", columns, kinds);
    }

    /// <summary>
    /// Flink keeps a before-image field NULL when its name appears anywhere in <c>"old"</c> (its
    /// <c>CanalJsonDeserializationSchema</c> asks <c>old.findValue(name)</c> of the whole array, not of element
    /// <paramref name="i"/>): so a field another element of <c>old</c> changed, but this one did not, is NULL in this
    /// row's <c>-U</c> instead of the unchanged value. Null when <c>old[i]</c> already names every such field (the usual
    /// case: one changed-column set per message), else <c>old[i]</c> with those fields added as nulls.
    /// </summary>
    private static JsonDocument? BeforeOverlay(JsonElement old, int i)
    {
        var own = old[i];
        if (old.GetArrayLength() < 2 || own.ValueKind != JsonValueKind.Object) return null;
        List<string>? missing = null;
        foreach (var other in old.EnumerateArray())
        {
            if (other.ValueKind != JsonValueKind.Object) continue;
            foreach (var field in other.EnumerateObject())
                if (!own.TryGetProperty(field.Name, out _) && !(missing?.Contains(field.Name) ?? false))
                    (missing ??= []).Add(field.Name);
        }
        if (missing is null) return null;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var field in own.EnumerateObject()) field.WriteTo(writer);
            foreach (var name in missing) writer.WriteNull(name);
            writer.WriteEndObject();
        }
        return JsonDocument.Parse(buffer.WrittenMemory);
    }
}
