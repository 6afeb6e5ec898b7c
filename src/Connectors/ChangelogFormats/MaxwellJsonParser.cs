using System.Text.Json;
using System.Text.RegularExpressions;
using StreamSql.Connectors.Filesystem;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.ChangelogFormats;

/// <summary>
/// Flink's <c>maxwell-json</c> format, reading: a message
/// <c>{"database": ..., "table": ..., "type": "insert|update|delete", "data": {...}, "old": {...}}</c> is <c>+I</c> or
/// <c>-D</c> of <c>data</c>, or for an update <c>-U</c> of the previous row (<c>data</c> with the fields of <c>old</c>,
/// which holds only the changed ones) and <c>+U</c> of <c>data</c>. Messages of databases or tables the include options
/// leave out give no rows.
/// </summary>
internal sealed class MaxwellJsonParser(JsonRecordParser rows, Regex? database, Regex? table) : IChangelogRecordParser
{
    public string IgnoreOption => ChangelogFormatOptions.MaxwellIgnoreParseErrors.Key;

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
            // Maxwell's ts is in seconds.
            Metadata.IngestionMillis = ChangeMessage.Long(root, "ts") * 1000;
        }
        var type = ChangeMessage.Text(root, "type");
        var data = root.TryGetProperty("data", out var d) ? d : default;
        switch (type)
        {
            case "insert":
                return ChangeMessage.Append(rows, data, default, RowKind.Insert, "\"data\"", columns, kinds);
            case "delete":
                return ChangeMessage.Append(rows, data, default, RowKind.Delete, "\"data\"", columns, kinds);
            case "update":
                if (!root.TryGetProperty("old", out var old) || old.ValueKind != JsonValueKind.Object)
                    return "the \"old\" field of the update message is not an object";
                return ChangeMessage.Append(rows, data, old, RowKind.UpdateBefore, "\"old\"", columns, kinds)
                    ?? ChangeMessage.Append(rows, data, default, RowKind.UpdateAfter, "\"data\"", columns, kinds);
            case null:
                return "the \"type\" field is missing";
            default:
                return $"unknown \"type\" value \"{type}\"";
        }
    }
}
