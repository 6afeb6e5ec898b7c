using System.Text.Json;
using StreamSql.Connectors.Filesystem;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.ChangelogFormats;

/// <summary>
/// Flink's <c>debezium-json</c> format, reading: a message <c>{"before": {...}, "after": {...}, "op": "c|r|u|d", ...}</c>
/// (inside <c>{"schema": ..., "payload": ...}</c> with <c>debezium-json.schema-include</c>) is <c>+I</c> of
/// <c>after</c> for a create or a snapshot read, <c>-U</c> of <c>before</c> and <c>+U</c> of <c>after</c> for an update,
/// <c>-D</c> of <c>before</c> for a delete. An update or delete without <c>before</c> is an error, as in Flink (a
/// Postgres table without <c>REPLICA IDENTITY FULL</c>).
/// </summary>
internal sealed class DebeziumJsonParser(JsonRecordParser rows, bool schemaInclude) : IChangelogRecordParser
{
    public string IgnoreOption => ChangelogFormatOptions.DebeziumIgnoreParseErrors.Key;

    public ChangeMetadata Metadata { get; } = new();

    public string? TryAppend(ReadOnlySpan<byte> message, ColumnBuilder[] columns, RowKindList kinds)
    {
        using var document = ChangeMessage.Parse(message, out var error);
        if (document is null) return error;
        var root = document.RootElement;
        var payload = root;
        if (schemaInclude)
        {
            if (!root.TryGetProperty("payload", out payload) || payload.ValueKind != JsonValueKind.Object)
                return "'debezium-json.schema-include' is true but the message has no \"payload\" object";
        }
        else if (root.TryGetProperty("schema", out _) && root.TryGetProperty("payload", out _))
            return "the message holds \"schema\" and \"payload\" (Kafka Connect's schemas.enable): set 'debezium-json.schema-include' = 'true'";
        if (Metadata.Wanted) ReadMetadata(root, payload);
        var op = ChangeMessage.Text(payload, "op");
        var before = payload.TryGetProperty("before", out var b) ? b : default;
        var after = payload.TryGetProperty("after", out var a) ? a : default;
        switch (op)
        {
            case "c" or "r":
                return ChangeMessage.Append(rows, after, default, RowKind.Insert, "\"after\"", columns, kinds);
            case "u":
                if (before.ValueKind != JsonValueKind.Object) return MissingBefore("UPDATE");
                return ChangeMessage.Append(rows, before, default, RowKind.UpdateBefore, "\"before\"", columns, kinds)
                    ?? ChangeMessage.Append(rows, after, default, RowKind.UpdateAfter, "\"after\"", columns, kinds);
            case "d":
                if (before.ValueKind != JsonValueKind.Object) return MissingBefore("DELETE");
                return ChangeMessage.Append(rows, before, default, RowKind.Delete, "\"before\"", columns, kinds);
            case null:
                return "the \"op\" field is missing";
            default:
                return $"unknown \"op\" value \"{op}\"";
        }
    }

    private void ReadMetadata(JsonElement root, JsonElement payload)
    {
        Metadata.Clear();
        Metadata.IngestionMillis = ChangeMessage.Long(payload, "ts_ms");
        if (schemaInclude && root.TryGetProperty("schema", out var schema)) Metadata.SchemaJson = schema.GetRawText();
        if (!payload.TryGetProperty("source", out var source) || source.ValueKind != JsonValueKind.Object) return;
        Metadata.SourceMillis = ChangeMessage.Long(source, "ts_ms");
        Metadata.Database = ChangeMessage.Text(source, "db");
        Metadata.Schema = ChangeMessage.Text(source, "schema");
        Metadata.Table = ChangeMessage.Text(source, "table") ?? ChangeMessage.Text(source, "collection");
    }

    private static string MissingBefore(string kind) =>
        $"the \"before\" field of the {kind} message is null; if you are using the Debezium Postgres connector, check that the "
        + "Postgres table has REPLICA IDENTITY FULL";
}
