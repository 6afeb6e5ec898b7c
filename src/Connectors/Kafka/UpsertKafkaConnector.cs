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
    private static readonly ConfigOption<string?> ValueFormatRequired = new("value.format", null,
        "Format of the record value: json, csv, raw, avro or avro-confluent.", s => KafkaOptions.ParseFormat(s), v => v ?? "", hasDefault: false,
        allowedValues: KafkaOptions.KeyFormats);
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
        if (table.PrimaryKey.Count == 0)
            throw new ConnectorOptionException("connector",
                $"'upsert-kafka' tables require to define a PRIMARY KEY constraint (table '{table.Name}'). The PRIMARY KEY specifies which "
                + "columns should be read from or write to the Kafka message key. The PRIMARY KEY also defines records in the 'upsert-kafka' "
                + "table should update or delete on which keys.");
        if (KafkaReader.Topics(options).Count != 1)
            throw options.Invalid(KafkaOptions.Topic.Key, "an upsert-kafka table has exactly one topic");
        KafkaFields.Of(table);
        KafkaConnector.CheckFormatMetadata(table, options.Get(ValueFormatRequired) ?? "");
        KafkaFormatOptionOwners.Check(table, options, options.Get(ValueFormatRequired));
    }

    /// <summary>The bounded-mode options matter only to a source (Flink's UpsertKafkaDynamicTableFactory checks them there).</summary>
    public override void ValidateSource(CatalogTable table)
    {
        var options = new TableOptions(table);
        KafkaConnector.RequireFor(options, KafkaOptions.BoundedMode, "specific-offsets", KafkaOptions.BoundedSpecificOffsets, "bounded");
        KafkaConnector.RequireFor(options, KafkaOptions.BoundedMode, "timestamp", KafkaOptions.BoundedTimestampMillis, "bounded");
        if (options.Get(KafkaOptions.BoundedMode) == "group-offsets")
            throw options.Invalid(KafkaOptions.BoundedMode.Key, "an upsert-kafka table is read from the earliest offsets, without a consumer group: "
                + "use latest-offset, timestamp or specific-offsets");
    }

    /// <summary>The delivery guarantee matters only to a sink.</summary>
    public override void ValidateSink(CatalogTable table)
    {
        var options = new TableOptions(table);
        if (options.Get(KafkaOptions.DeliveryGuarantee) == "exactly-once" && string.IsNullOrWhiteSpace(options.Get(KafkaOptions.TransactionalIdPrefix)))
            throw KafkaConnector.MissingTransactionalIdPrefix(table);
    }

    public override ISinkWriter CreateWriter() => new KafkaWriter();
}
