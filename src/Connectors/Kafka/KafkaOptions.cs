using StreamSql.Connectors.Filesystem;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Connectors.Kafka;

/// <summary>The kafka connector's options, with the keys and defaults of Flink's Kafka SQL connector.</summary>
public static class KafkaOptions
{
    public const string PropertiesPrefix = "properties.";

    /// <summary>The formats of a record key (and of an upsert-kafka value).</summary>
    internal static readonly string[] KeyFormats = { "json", "csv", "raw", "avro", ConfluentAvro.ConfluentAvroOptions.Identifier };

    /// <summary>Flink's PROPS_BOOTSTRAP_SERVERS: the one required option of 'kafka' (and of 'upsert-kafka'), reported with
    /// the others missing in FactoryUtil's list.</summary>
    public static readonly ConfigOption<string?> BootstrapServers = Options.OptionalString(PropertiesPrefix + "bootstrap.servers",
        "Comma-separated list of Kafka brokers, e.g. 'broker-1:9092,broker-2:9092'.");

    public static readonly ConfigOption<string?> Topic = Options.OptionalString("topic",
        "Topic(s) to read from or write to; several as 'topic-1;topic-2' (source only).");
    public static readonly ConfigOption<string?> TopicPattern = Options.OptionalString("topic-pattern",
        "Regular expression for the topics to read (the whole name must match); instead of 'topic'.");

    public static readonly ConfigOption<string> ValueFormat = Options.Enum("value.format", "json",
        "Format of the record value: json, csv, raw, avro or avro-confluent, or a change-data format read as a changelog (debezium-json, canal-json, "
        + "maxwell-json; debezium-json is written too) ('format' is the same option; one of them is required).",
        new[] { "json", "csv", "raw", "avro", ConfluentAvro.ConfluentAvroOptions.Identifier, "debezium-json", "canal-json", "maxwell-json" }, "format");
    public static readonly ConfigOption<string?> KeyFormat = new("key.format", null,
        "Format of the record key (json, csv, raw, avro or avro-confluent); needs 'key.fields'.", s => ParseFormat(s), v => v ?? "", hasDefault: false,
        allowedValues: KeyFormats);
    public static readonly ConfigOption<string?> KeyFields = Options.OptionalString("key.fields",
        "Physical columns that make up the record key, as 'a;b'.");
    public static readonly ConfigOption<string> KeyFieldsPrefix = Options.String("key.fields-prefix", "",
        "Prefix of the key columns' names in the table that the key format does not see.");
    public static readonly ConfigOption<string> ValueFieldsInclude = Options.Enum("value.fields-include", "ALL",
        "Whether the value holds every physical column (ALL) or all but the key columns (EXCEPT_KEY).", new[] { "ALL", "EXCEPT_KEY" });

    public static readonly ConfigOption<string> StartupMode = Options.Enum("scan.startup.mode", "group-offsets",
        "Where a source starts: earliest-offset, latest-offset, group-offsets, timestamp or specific-offsets.",
        new[] { "earliest-offset", "latest-offset", "group-offsets", "timestamp", "specific-offsets" });
    public static readonly ConfigOption<string?> StartupSpecificOffsets = Options.OptionalString("scan.startup.specific-offsets",
        "For 'specific-offsets': 'partition:0,offset:42;partition:1,offset:300'.");
    public static readonly ConfigOption<long?> StartupTimestampMillis = OptionalLong("scan.startup.timestamp-millis",
        "For 'timestamp': start at the first record with this timestamp (epoch milliseconds) or later.");
    public static readonly ConfigOption<string> BoundedMode = Options.Enum("scan.bounded.mode", "unbounded",
        "Where a bounded source stops: unbounded, latest-offset, group-offsets, timestamp or specific-offsets.",
        new[] { "unbounded", "latest-offset", "group-offsets", "timestamp", "specific-offsets" });
    public static readonly ConfigOption<string?> BoundedSpecificOffsets = Options.OptionalString("scan.bounded.specific-offsets",
        "For 'specific-offsets': the offset (exclusive) each partition stops at, 'partition:0,offset:42;partition:1,offset:300'.");
    public static readonly ConfigOption<long?> BoundedTimestampMillis = OptionalLong("scan.bounded.timestamp-millis",
        "For 'timestamp': stop before the first record with this timestamp (epoch milliseconds) or later.");
    public static readonly ConfigOption<TimeSpan> PartitionDiscoveryInterval = Options.Duration("scan.topic-partition-discovery.interval",
        TimeSpan.FromMinutes(5), "How often an unbounded source looks for new partitions (and topics matching 'topic-pattern'); 0 turns it off.");

    public static readonly ConfigOption<int?> ScanParallelism = new("scan.parallelism", null,
        "Parallelism of the source (defaults to the job's); subtasks beyond the partition count stay idle.",
        s => ConfigParsers.ParseInt(s) is var p && p > 0 ? p : throw new FormatException($"'{s}' is not a positive integer"),
        v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", hasDefault: false);
    public static readonly ConfigOption<string> DeliveryGuarantee = Options.Enum("sink.delivery-guarantee", "at-least-once",
        "exactly-once (transactions committed with checkpoints), at-least-once (flush on checkpoint) or none.",
        new[] { "exactly-once", "at-least-once", "none" });
    public static readonly ConfigOption<string?> TransactionalIdPrefix = Options.OptionalString("sink.transactional-id-prefix",
        "Prefix of the sink's transactional ids (required for exactly-once; unique per job writing to the cluster).");
    public static readonly ConfigOption<string> ProgressTopic = Options.String("sink.progress-topic", "streamsql-sink-progress",
        "exactly-once (StreamSql): topic whose partition 0 receives, inside each commit transaction, a marker naming the epoch committed, "
        + "so a restore can tell committed epochs from lost ones.");
    public static readonly ConfigOption<string> Partitioner = Options.String("sink.partitioner", "default",
        "default (by key hash, sticky without key), fixed (subtask i writes partition i mod n) or round-robin.");
    public static readonly ConfigOption<int?> SinkParallelism = Print.PrintOptions.SinkParallelism;

    public static readonly ConfigOption<bool> JsonIgnoreParseErrors = Fallback(FilesystemOptions.JsonIgnoreParseErrors);
    public static readonly ConfigOption<bool> JsonFailOnMissingField = Fallback(FilesystemOptions.JsonFailOnMissingField);
    public static readonly ConfigOption<string> JsonTimestampFormat = Fallback(FilesystemOptions.JsonTimestampFormat);
    public static readonly ConfigOption<bool> JsonEncodeDecimalAsPlainNumber = Fallback(FilesystemOptions.JsonEncodeDecimalAsPlainNumber);
    public static readonly ConfigOption<bool> JsonEncodeIgnoreNullFields = Fallback(FilesystemOptions.JsonEncodeIgnoreNullFields);
    public static readonly ConfigOption<string> JsonMapNullKeyMode = Fallback(FilesystemOptions.JsonMapNullKeyMode);
    public static readonly ConfigOption<string> JsonMapNullKeyLiteral = Fallback(FilesystemOptions.JsonMapNullKeyLiteral);
    public static readonly ConfigOption<char> CsvFieldDelimiter = Fallback(FilesystemOptions.CsvFieldDelimiter);
    public static readonly ConfigOption<char> CsvQuoteCharacter = Fallback(FilesystemOptions.CsvQuoteCharacter);
    public static readonly ConfigOption<bool> CsvDisableQuoteCharacter = Fallback(FilesystemOptions.CsvDisableQuoteCharacter);
    public static readonly ConfigOption<bool> CsvAllowComments = Fallback(FilesystemOptions.CsvAllowComments);
    public static readonly ConfigOption<bool> CsvIgnoreParseErrors = Fallback(FilesystemOptions.CsvIgnoreParseErrors);
    public static readonly ConfigOption<string?> CsvNullLiteral = Fallback(FilesystemOptions.CsvNullLiteral);
    public static readonly ConfigOption<char?> CsvEscapeCharacter = Fallback(FilesystemOptions.CsvEscapeCharacter);
    public static readonly ConfigOption<bool> CsvWriteBigDecimalInScientificNotation = Fallback(FilesystemOptions.CsvWriteBigDecimalInScientificNotation);
    public static readonly ConfigOption<string> CsvArrayElementDelimiter = Fallback(FilesystemOptions.CsvArrayElementDelimiter);
    public static readonly ConfigOption<string> RawCharset = Options.String("raw.charset", "UTF-8", "Charset of raw text values (UTF-8 only).", "value.raw.charset");

    public static IReadOnlyList<ConfigOption> Optional { get; } =
    [
        Topic, TopicPattern, ValueFormat, KeyFormat, KeyFields, KeyFieldsPrefix, ValueFieldsInclude, StartupMode, StartupSpecificOffsets,
        StartupTimestampMillis, BoundedMode, BoundedSpecificOffsets, BoundedTimestampMillis, PartitionDiscoveryInterval, ScanParallelism, DeliveryGuarantee,
        TransactionalIdPrefix, ProgressTopic, Partitioner, SinkParallelism, JsonIgnoreParseErrors, JsonFailOnMissingField, JsonTimestampFormat,
        JsonEncodeDecimalAsPlainNumber, JsonEncodeIgnoreNullFields, JsonMapNullKeyMode, JsonMapNullKeyLiteral, CsvFieldDelimiter, CsvQuoteCharacter, CsvDisableQuoteCharacter, CsvAllowComments, CsvIgnoreParseErrors,
        CsvNullLiteral, CsvEscapeCharacter, CsvWriteBigDecimalInScientificNotation, CsvArrayElementDelimiter, RawCharset, AvroTimestampMapping.Legacy, AvroTimestampMapping.KeyLegacy,
        .. ChangelogFormats.ChangelogFormatOptions.All, .. ConfluentAvro.ConfluentAvroOptions.Declared,
    ];

    /// <summary>Option prefixes passed on: the client's properties and the registry client's.</summary>
    public static IReadOnlyList<string> Prefixes { get; } = [PropertiesPrefix, .. ConfluentAvro.ConfluentAvroOptions.DeclaredPrefixes];

    /// <summary>A format option under its plain key (with 'format') and its 'value.'-prefixed key (with 'value.format').</summary>
    private static ConfigOption<T> Fallback<T>(ConfigOption<T> option) =>
        new(option.Key, option.DefaultValue, option.Description, option.Parse,
            v => Equals(v, option.DefaultValue) ? option.DefaultText ?? "" : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            new[] { "value." + option.Key }, option.AllowedValues, option.HasDefault);

    private static ConfigOption<long?> OptionalLong(string key, string description) =>
        new(key, null, description, s => long.TryParse(s, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v : throw new FormatException($"'{s}' is not a whole number"), v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", hasDefault: false);

    internal static string ParseFormat(string s)
    {
        var lower = s.Trim().ToLowerInvariant();
        return KeyFormats.Contains(lower) ? lower : throw new FormatException($"'{s}' is not one of {string.Join(", ", KeyFormats)}");
    }
}
