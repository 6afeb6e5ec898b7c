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
/// element with the fields of the same element of <c>old</c>, which holds only the changed ones) and <c>+U</c> of the
/// element. DDL messages (<c>"type": "CREATE"</c> or <c>"isDdl": true</c>) and messages of databases or tables the
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
                _ => i >= old.GetArrayLength() ? $"\"old\" has no element {i} for \"data\"[{i}]"
                    : ChangeMessage.Append(rows, row, old[i], RowKind.UpdateBefore, $"\"old\"[{i}]", columns, kinds)
                      ?? ChangeMessage.Append(rows, row, default, RowKind.UpdateAfter, $"\"data\"[{i}]", columns, kinds),
            };
            if (error is not null) return error;
            i++;
        }
        return null;
    }
}
