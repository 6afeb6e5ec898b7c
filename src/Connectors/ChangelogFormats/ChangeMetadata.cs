namespace StreamSql.Connectors.ChangelogFormats;

/// <summary>
/// The format metadata of the last message a change-data parser read (Flink's <c>value.*</c> metadata of the
/// debezium-json, canal-json and maxwell-json formats), the same for every row the message gave. Filled only when a
/// table reads one (<see cref="Wanted"/>), as reading it costs a few strings per message.
/// </summary>
internal sealed class ChangeMetadata
{
    /// <summary>The metadata keys (without <c>value.</c>) each format offers.</summary>
    public static IReadOnlyList<string> KeysOf(string format) => format switch
    {
        ChangelogFormatOptions.Debezium => ["schema", "ingestion-timestamp", "source.timestamp", "source.database", "source.schema", "source.table"],
        ChangelogFormatOptions.Canal => ["database", "table", "ingestion-timestamp", "event-timestamp"],
        ChangelogFormatOptions.Maxwell => ["database", "table", "ingestion-timestamp"],
        _ => [],
    };

    public bool Wanted { get; set; }

    /// <summary>When the change reached the CDC tool (debezium <c>ts_ms</c>, canal <c>ts</c>, maxwell <c>ts</c>), epoch milliseconds.</summary>
    public long? IngestionMillis { get; set; }

    /// <summary>When the change happened in the database (debezium <c>source.ts_ms</c>).</summary>
    public long? SourceMillis { get; set; }

    /// <summary>When the change was logged in the database (canal <c>es</c>).</summary>
    public long? EventMillis { get; set; }

    public string? Database { get; set; }
    public string? Schema { get; set; }
    public string? Table { get; set; }

    /// <summary>debezium with schema-include: the message's <c>schema</c> as JSON text.</summary>
    public string? SchemaJson { get; set; }

    public void Clear()
    {
        IngestionMillis = SourceMillis = EventMillis = null;
        Database = Schema = Table = SchemaJson = null;
    }
}
