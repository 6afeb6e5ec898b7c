using StreamSql.Connectors.Common;
using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Kafka;

/// <summary>
/// <c>'connector' = 'kafka'</c>, Flink's Kafka SQL connector with Confluent.Kafka as the client: an append-only source
/// (offsets in checkpoints, bounded ranges, metadata columns) and sink (exactly-once through transactions, at-least-once,
/// none). Every <c>properties.*</c> option goes to the client unchanged.
/// </summary>
public sealed class KafkaConnector : TableConnectorBase
{
    /// <summary>The metadata a kafka (and upsert-kafka) source reads.</summary>
    internal static readonly IReadOnlyDictionary<string, SqlType> SourceMetadata = new Dictionary<string, SqlType>
    {
        ["topic"] = SqlType.String.AsNotNull(),
        ["partition"] = SqlType.Int.AsNotNull(),
        ["offset"] = SqlType.BigInt.AsNotNull(),
        ["timestamp"] = SqlType.TimestampLtz(3).AsNotNull(),
        ["timestamp-type"] = SqlType.String.AsNotNull(),
        ["leader-epoch"] = SqlType.Int,
        ["headers"] = SqlType.Map(SqlType.String, SqlType.Bytes).AsNotNull(),
        // The change-data formats' metadata (ChangeMetadata), for a table whose value format offers it.
        ["value.schema"] = SqlType.String,
        ["value.ingestion-timestamp"] = SqlType.TimestampLtz(3),
        ["value.source.timestamp"] = SqlType.TimestampLtz(3),
        ["value.event-timestamp"] = SqlType.TimestampLtz(3),
        ["value.source.database"] = SqlType.String,
        ["value.source.schema"] = SqlType.String,
        ["value.source.table"] = SqlType.String,
        ["value.database"] = SqlType.String,
        ["value.table"] = SqlType.String,
    };

    /// <summary>The metadata a kafka (and upsert-kafka) sink writes, from persisted metadata columns: the record's headers
    /// and its timestamp (NULL: the producer's time).</summary>
    internal static readonly IReadOnlyDictionary<string, SqlType> SinkMetadata = new Dictionary<string, SqlType>
    {
        ["headers"] = SqlType.Map(SqlType.String, SqlType.Bytes),
        ["timestamp"] = SqlType.TimestampLtz(3),
    };

    /// <summary>Refuses a <c>value.*</c> metadata column the table's value format does not offer, and a <c>headers</c>
    /// column that is not a map of strings to bytes.</summary>
    internal static void CheckFormatMetadata(CatalogTable table, string valueFormat)
    {
        var offered = ChangelogFormats.ChangeMetadata.KeysOf(valueFormat);
        foreach (var column in table.Columns.OfType<MetadataColumn>())
        {
            if (column.MetadataKey == "headers" && !(column.Type.Kind == SqlTypeKind.Map
                    && column.Type.Elements![0].IsCharacterString && column.Type.Elements[1].IsBinaryString))
                throw new ConnectorOptionException("headers",
                    $"Metadata column '{column.Name}' of table '{table.Name}' reads 'headers', which is MAP<STRING, BYTES>, not {column.Type}.");
            if (!column.MetadataKey.StartsWith("value.", StringComparison.Ordinal)) continue;
            if (offered.Contains(column.MetadataKey["value.".Length..])) continue;
            string has = offered.Count == 0 ? "has no metadata" : "offers " + string.Join(", ", offered.Select(k => "value." + k));
            throw new ConnectorOptionException("value.format",
                $"Metadata column '{column.Name}' of table '{table.Name}' reads '{column.MetadataKey}', but the value format '{valueFormat}' {has}.");
        }
    }

    public override string Identifier => "kafka";

    public override IReadOnlyList<ConfigOption> RequiredOptions { get; } = [KafkaOptions.BootstrapServers];

    public override IReadOnlyList<ConfigOption> OptionalOptions => KafkaOptions.Optional;

    public override IReadOnlyList<string> OptionPrefixes => KafkaOptions.Prefixes;

    public override bool SupportsSource => true;
    public override bool SupportsSink => true;

    public override IReadOnlyDictionary<string, SqlType> ReadableMetadata => SourceMetadata;
    public override IReadOnlyDictionary<string, SqlType> WritableMetadata => SinkMetadata;

    /// <summary>A change-data value format (debezium-json, canal-json, maxwell-json) is read as a full changelog.</summary>
    public override ChangelogMode SourceChangelogMode(CatalogTable table) =>
        ChangelogFormats.ChangelogFormatOptions.IsChangelogFormat(new TableOptions(table).Get(KafkaOptions.ValueFormat)) ? ChangelogMode.All : ChangelogMode.InsertOnly;

    /// <summary>Change-data values take every change (a retraction as a delete message); the other formats inserts only.</summary>
    public override ChangelogMode SinkChangelogMode(CatalogTable table) =>
        ChangelogFormats.ChangelogFormatOptions.IsChangelogFormat(new TableOptions(table).Get(KafkaOptions.ValueFormat)) ? ChangelogMode.All : ChangelogMode.InsertOnly;

    public override bool IsBounded(CatalogTable table) => new TableOptions(table).Get(KafkaOptions.BoundedMode) != "unbounded";

    protected override void ValidateSpecific(CatalogTable table)
    {
        var options = new TableOptions(table);
        // Without a value format the role's check refuses the table in Flink's words (MissingFormat).
        if (!options.Contains(KafkaOptions.ValueFormat)) return;
        ChangelogFormats.ChangelogFormatOptions.Validate(options);
        var valueFormat = options.Get(KafkaOptions.ValueFormat);
        CheckFormatMetadata(table, valueFormat);
        KafkaFormatOptionOwners.Check(table, options, options.Get(KafkaOptions.ValueFormat));
        CheckTopic(options);
        if (!string.IsNullOrWhiteSpace(options.Get(KafkaOptions.TopicPattern)))
        {
            try
            {
                _ = new System.Text.RegularExpressions.Regex(options.Get(KafkaOptions.TopicPattern)!);
            }
            catch (ArgumentException e)
            {
                throw options.Invalid(KafkaOptions.TopicPattern.Key, e.Message);
            }
        }
    }

    /// <summary>Flink's KafkaDynamicTableFactory discovers the value format ('format' or 'value.format') of the role it
    /// creates first, and says so when there is none.</summary>
    public override string? MissingFormat(CatalogTable table, TableAccess access) =>
        new TableOptions(table).Contains(KafkaOptions.ValueFormat) ? null
            : $"Could not find required {(access == TableAccess.Write ? "sink" : "scan")} format 'value.format'.";

    /// <summary>Flink's KafkaConnectorOptionsUtil.validateTopic.</summary>
    internal static void CheckTopic(TableOptions options)
    {
        bool hasTopic = !string.IsNullOrWhiteSpace(options.Get(KafkaOptions.Topic));
        bool hasPattern = !string.IsNullOrWhiteSpace(options.Get(KafkaOptions.TopicPattern));
        if (hasTopic && hasPattern)
            throw new ConnectorOptionException(KafkaOptions.TopicPattern.Key, "Option 'topic' and 'topic-pattern' shouldn't be set together.");
        if (!hasTopic && !hasPattern)
            throw new ConnectorOptionException(KafkaOptions.Topic.Key, "Either 'topic' or 'topic-pattern' must be set.");
    }

    /// <summary>The last of Flink's checks for either role: validatePKConstraints (a primary key needs a changelog value
    /// format), then the key and value fields (createKeyFormatProjection, createValueFormatProjection).</summary>
    private static void CheckPrimaryKeyAndFields(CatalogTable table, TableOptions options)
    {
        var valueFormat = options.Get(KafkaOptions.ValueFormat);
        if (table.PrimaryKey.Count > 0 && !ChangelogFormats.ChangelogFormatOptions.IsChangelogFormat(valueFormat))
            throw new ConnectorOptionException("connector",
                $"The Kafka table '{table.Name}' with '{valueFormat}' format doesn't support defining PRIMARY KEY constraint on the table, "
                + "because it can't guarantee the semantic of primary key.");
        KafkaFields.Of(table);
    }

    /// <summary>The startup and bounded modes matter only to a source, checked in Flink's order and words
    /// (KafkaConnectorOptionsUtil.validateTableSourceOptions: the startup mode's options, then the bounded mode's), then the primary key.</summary>
    public override void ValidateSource(CatalogTable table)
    {
        var options = new TableOptions(table);
        RequireValueFormat(options, "scan");
        RequireFor(options, KafkaOptions.StartupMode, "specific-offsets", KafkaOptions.StartupSpecificOffsets, "startup");
        RequireFor(options, KafkaOptions.StartupMode, "timestamp", KafkaOptions.StartupTimestampMillis, "startup");
        RequireSingleTopic(options, KafkaOptions.StartupMode);
        ParseOffsets(options, KafkaOptions.StartupSpecificOffsets);
        RequireFor(options, KafkaOptions.BoundedMode, "specific-offsets", KafkaOptions.BoundedSpecificOffsets, "bounded");
        RequireFor(options, KafkaOptions.BoundedMode, "timestamp", KafkaOptions.BoundedTimestampMillis, "bounded");
        RequireSingleTopic(options, KafkaOptions.BoundedMode);
        ParseOffsets(options, KafkaOptions.BoundedSpecificOffsets);
        CheckPrimaryKeyAndFields(table, options);
        if (options.Get(KafkaOptions.StartupMode) == "group-offsets" && options.Raw(KafkaOptions.StartupMode.Key) is not null
            && !table.Options.ContainsKey(KafkaOptions.PropertiesPrefix + "group.id"))
            throw options.Missing(KafkaOptions.PropertiesPrefix + "group.id");
        if (options.Get(KafkaOptions.BoundedMode) == "group-offsets" && !table.Options.ContainsKey(KafkaOptions.PropertiesPrefix + "group.id"))
            throw options.Missing(KafkaOptions.PropertiesPrefix + "group.id");
    }

    /// <summary>Flink's specific-offsets modes name partitions of one topic ('topic-pattern' counts as several).</summary>
    private static void RequireSingleTopic(TableOptions options, ConfigOption<string> mode)
    {
        if (options.Get(mode) == "specific-offsets" && (options.Contains(KafkaOptions.TopicPattern) || KafkaReader.Topics(options).Count != 1))
            throw new ConnectorOptionException(mode.Key, "Currently Kafka source only supports specific offset for single topic.");
    }

    /// <summary>A specific-offsets option's value, which Flink parses while it validates the mode.</summary>
    private static void ParseOffsets(TableOptions options, ConfigOption<string?> offsets)
    {
        if (options.Get(offsets) is not { } text) return;
        try
        {
            KafkaSpecificOffsets.Parse(text);
        }
        catch (FormatException e)
        {
            throw options.Invalid(offsets.Key, e.Message);
        }
    }

    /// <summary>The partitioner and delivery guarantee matter only to a sink, checked in Flink's order and words
    /// (validateTableSinkOptions, validateDeliveryGuarantee, validatePKConstraints); debezium-json with <c>schema-include</c> is read only.</summary>
    public override void ValidateSink(CatalogTable table)
    {
        var options = new TableOptions(table);
        RequireValueFormat(options, "sink");
        ChangelogFormats.ChangelogFormatOptions.ValidateEncoding(options, options.Get(KafkaOptions.ValueFormat));
        var partitioner = options.Get(KafkaOptions.Partitioner);
        if (partitioner.Length == 0)
            throw new ConnectorOptionException(KafkaOptions.Partitioner.Key, $"Option '{KafkaOptions.Partitioner.Key}' should be a non-empty string.");
        if (partitioner == "round-robin" && options.Contains(KafkaOptions.KeyFields))
            throw new ConnectorOptionException(KafkaOptions.Partitioner.Key,
                "Currently 'round-robin' partitioner only works when option 'key.fields' is not specified.");
        if (partitioner is not ("default" or "fixed" or "round-robin"))
            throw options.Invalid(KafkaOptions.Partitioner.Key, $"'{partitioner}' is not one of default, fixed, round-robin");
        if (options.Get(KafkaOptions.DeliveryGuarantee) == "exactly-once" && string.IsNullOrWhiteSpace(options.Get(KafkaOptions.TransactionalIdPrefix)))
            throw MissingTransactionalIdPrefix(table);
        CheckPrimaryKeyAndFields(table, options);
    }

    /// <summary>Flink's KafkaDynamicTableFactory discovers the value format ('format' or 'value.format') for the role it
    /// creates, and says so when there is none.</summary>
    private static void RequireValueFormat(TableOptions options, string role)
    {
        if (!options.Contains(KafkaOptions.ValueFormat))
            throw new ConnectorOptionException(KafkaOptions.ValueFormat.Key, $"Could not find required {role} format 'value.format'.");
    }

    /// <summary>Flink's words (KafkaDynamicTableFactory.validateDeliveryGuarantee), then why the prefix matters here.</summary>
    internal static ConnectorOptionException MissingTransactionalIdPrefix(CatalogTable table) =>
        new(KafkaOptions.DeliveryGuarantee.Key,
            $"sink.transactional-id-prefix must be specified when using DeliveryGuarantee.EXACTLY_ONCE (table '{table.Name}' uses "
            + "'sink.delivery-guarantee' = 'exactly-once'; set 'sink.transactional-id-prefix' to a prefix unique to this job on the cluster: "
            + "transactions of an earlier run with the same prefix are resolved on restore).");

    /// <summary>Flink's words for a startup or bounded <paramref name="kind"/> of mode whose option is missing.</summary>
    internal static void RequireFor<T>(TableOptions options, ConfigOption<string> mode, string value, ConfigOption<T> needed, string kind)
    {
        if (options.Get(mode) == value && !options.Contains(needed))
            throw new ConnectorOptionException(needed.Key, $"'{needed.Key}' is required in '{value}' {kind} mode but missing.");
    }

    public override ISourceReader CreateReader() => new KafkaChangesReader(upsert: false);

    public override ISinkWriter CreateWriter() => new KafkaWriter();
}
