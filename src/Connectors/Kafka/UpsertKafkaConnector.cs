using StreamSql.Connectors.Common;
using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Kafka;

/// <summary>
/// <c>'connector' = 'upsert-kafka'</c>, Flink's upsert Kafka connector. The primary key is the record key
/// (<c>key.format</c>). As a sink, <c>+I</c>/<c>+U</c> rows are written as values, <c>-D</c> (and <c>-U</c>, as Flink does)
/// as tombstones (null values), so a compacted topic keeps the last row per key; the delivery guarantees and their options
/// are the kafka sink's. As a source, the topic is read from its earliest offsets as an updating table: a value is an
/// upsert of its key, a tombstone a delete (<see cref="Sql.Planner.Types.ChangelogMode.Upsert"/>; the planner normalizes it
/// with a keyed ChangelogNormalize); <c>scan.bounded.mode</c> reads a fixed range and ends, as Flink's (FLINK-31740).
/// </summary>
public sealed class UpsertKafkaConnector : TableConnectorBase
{
    // A change-data format parses (Flink discovers its factory) so that it is refused in Flink's words
    // (InsertOnlyValueFormat), not as an unknown identifier; the values offered are the insert-only ones.
    private static readonly ConfigOption<string?> ValueFormatRequired = new("value.format", null,
        "Format of the record value: json, csv, raw, avro or avro-confluent.",
        s => ChangelogFormats.ChangelogFormatOptions.IsChangelogFormat(s.Trim().ToLowerInvariant()) ? s.Trim().ToLowerInvariant() : KafkaOptions.ParseFormat(s),
        v => v ?? "", hasDefault: false, allowedValues: KafkaOptions.KeyFormats);
    private static readonly ConfigOption<int> BufferFlushMaxRows = Options.Int("sink.buffer-flush.max-rows", 0,
        "Rows buffered to keep the last per key before writing (accepted; rows are written as they come).");
    private static readonly ConfigOption<TimeSpan> BufferFlushInterval = Options.Duration("sink.buffer-flush.interval", TimeSpan.Zero,
        "How long rows are buffered (accepted; rows are written as they come).");

    public override string Identifier => KafkaFields.UpsertIdentifier;

    public override IReadOnlyList<ConfigOption> RequiredOptions { get; } =
        new ConfigOption[] { KafkaOptions.BootstrapServers, KafkaOptions.Topic, KafkaOptions.KeyFormat, ValueFormatRequired };

    /// <summary>Flink's UpsertKafkaDynamicTableFactory discovers the key format, then the value format, before it checks
    /// the other options.</summary>
    public override string? MissingFormat(CatalogTable table, TableAccess access)
    {
        string role = access == TableAccess.Write ? "sink" : "scan";
        foreach (var format in new ConfigOption[] { KafkaOptions.KeyFormat, ValueFormatRequired })
            if (!table.Options.ContainsKey(format.Key)) return $"Could not find required {role} format '{format.Key}'.";
        return null;
    }

    public override IReadOnlyList<ConfigOption> OptionalOptions { get; } =
    [
        KafkaOptions.KeyFieldsPrefix, KafkaOptions.ValueFieldsInclude, KafkaOptions.DeliveryGuarantee, KafkaOptions.TransactionalIdPrefix,
        KafkaOptions.ProgressTopic, KafkaOptions.SinkParallelism, BufferFlushMaxRows, BufferFlushInterval, KafkaOptions.JsonIgnoreParseErrors,
        KafkaOptions.JsonFailOnMissingField, KafkaOptions.JsonTimestampFormat, KafkaOptions.JsonEncodeDecimalAsPlainNumber, KafkaOptions.CsvFieldDelimiter,
        KafkaOptions.CsvQuoteCharacter, KafkaOptions.CsvDisableQuoteCharacter, KafkaOptions.CsvAllowComments, KafkaOptions.CsvIgnoreParseErrors,
        KafkaOptions.CsvNullLiteral, KafkaOptions.CsvEscapeCharacter, KafkaOptions.BoundedMode, KafkaOptions.BoundedSpecificOffsets,
        KafkaOptions.BoundedTimestampMillis, KafkaOptions.ScanParallelism, AvroTimestampMapping.Legacy, AvroTimestampMapping.KeyLegacy,
        .. ConfluentAvro.ConfluentAvroOptions.Declared,
    ];

    public override IReadOnlyList<string> OptionPrefixes => KafkaOptions.Prefixes;

    public override bool SupportsSink => true;

    public override bool SupportsSource => true;

    public override IReadOnlyDictionary<string, SqlType> ReadableMetadata => KafkaConnector.SourceMetadata;
    public override IReadOnlyDictionary<string, SqlType> WritableMetadata => KafkaConnector.SinkMetadata;

    public override bool IsBounded(CatalogTable table) => new TableOptions(table).Get(KafkaOptions.BoundedMode) != "unbounded";

    public override ChangelogMode SourceChangelogMode(CatalogTable table) => ChangelogMode.Upsert;

    public override ISourceReader CreateReader() => new KafkaChangesReader(upsert: true);

    public override ChangelogMode SinkChangelogMode(CatalogTable table) => ChangelogMode.Upsert;

    protected override void ValidateSpecific(CatalogTable table)
    {
        var options = new TableOptions(table);
        if (KafkaReader.Topics(options).Count != 1)
            throw options.Invalid(KafkaOptions.Topic.Key, "an upsert-kafka table has exactly one topic");
        // The key is the primary key; without one the role's check refuses the table in Flink's words (RequirePrimaryKey).
        if (table.PrimaryKey.Count > 0) KafkaFields.Of(table);
        KafkaConnector.CheckFormatMetadata(table, options.Get(ValueFormatRequired) ?? "");
        KafkaFormatOptionOwners.Check(table, options, options.Get(ValueFormatRequired));
    }

    /// <summary>The bounded-mode options matter only to a source; then the value format and the primary key (Flink's
    /// UpsertKafkaDynamicTableFactory.validateSource order).</summary>
    public override void ValidateSource(CatalogTable table)
    {
        var options = new TableOptions(table);
        KafkaConnector.RequireFor(options, KafkaOptions.BoundedMode, "specific-offsets", KafkaOptions.BoundedSpecificOffsets, "bounded");
        KafkaConnector.RequireFor(options, KafkaOptions.BoundedMode, "timestamp", KafkaOptions.BoundedTimestampMillis, "bounded");
        if (options.Get(KafkaOptions.BoundedMode) == "group-offsets")
            throw options.Invalid(KafkaOptions.BoundedMode.Key, "an upsert-kafka table is read from the earliest offsets, without a consumer group: "
                + "use latest-offset, timestamp or specific-offsets");
        InsertOnlyValueFormat(options);
        RequirePrimaryKey(table);
    }

    /// <summary>The value format, the primary key, the buffer flush options, then the delivery guarantee (Flink's
    /// validateSink and validateDeliveryGuarantee order).</summary>
    public override void ValidateSink(CatalogTable table)
    {
        var options = new TableOptions(table);
        InsertOnlyValueFormat(options);
        RequirePrimaryKey(table);
        if ((options.Get(BufferFlushMaxRows) > 0) != (options.Get(BufferFlushInterval) > TimeSpan.Zero))
            throw new ConnectorOptionException(BufferFlushMaxRows.Key,
                $"'{BufferFlushMaxRows.Key}' and '{BufferFlushInterval.Key}' must be set to be greater than zero together to enable sink buffer flushing.");
        if (options.Get(KafkaOptions.DeliveryGuarantee) == "exactly-once" && string.IsNullOrWhiteSpace(options.Get(KafkaOptions.TransactionalIdPrefix)))
            throw KafkaConnector.MissingTransactionalIdPrefix(table);
    }

    /// <summary>Flink's validateFormat: the upsert semantics come from the key, so the value format must be insert-only.</summary>
    private static void InsertOnlyValueFormat(TableOptions options)
    {
        var format = options.Get(ValueFormatRequired);
        if (ChangelogFormats.ChangelogFormatOptions.IsChangelogFormat(format))
            throw new ConnectorOptionException(ValueFormatRequired.Key,
                $"'upsert-kafka' connector doesn't support '{format}' as value format, because '{format}' is not in insert-only mode.");
    }

    /// <summary>Flink's validatePKConstraints, in its words.</summary>
    private static void RequirePrimaryKey(CatalogTable table)
    {
        if (table.PrimaryKey.Count == 0)
            throw new ConnectorOptionException("connector",
                "'upsert-kafka' tables require to define a PRIMARY KEY constraint. The PRIMARY KEY specifies which "
                + "columns should be read from or write to the Kafka message key. The PRIMARY KEY also defines records in the 'upsert-kafka' "
                + "table should update or delete on which keys.");
    }

    public override ISinkWriter CreateWriter() => new KafkaWriter();
}
