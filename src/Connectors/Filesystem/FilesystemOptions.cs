using StreamSql.Sql.Planner.Config;

namespace StreamSql.Connectors.Filesystem;

/// <summary>The filesystem connector's options and those of its csv and json formats, with Flink's keys and defaults.</summary>
public static class FilesystemOptions
{
    private static ConfigOption<string?> OptionalText(string key, string description) => Options.OptionalString(key, description);

    private static ConfigOption<char> Char(string key, char defaultValue, string description) =>
        new(key, defaultValue, description, ParseChar(key), c => c.ToString());

    private static Func<string, char> ParseChar(string key) => s =>
    {
        if (s == "\\t") return '\t';
        if (s.Length != 1) throw new FormatException($"'{s}' is not a single character");
        return s[0];
    };

    public static readonly ConfigOption<string?> Path = OptionalText("path", "File or directory to read or write.");
    public static readonly ConfigOption<string> Format = Options.Enum("format", "csv",
        "Format of the files: csv, json (JSON lines), parquet, avro (object container files), raw (each line the value of the one column), "
        + "or a change-data format read as a changelog (debezium-json, canal-json, maxwell-json; debezium-json is written too). orc is refused.",
        new[] { "csv", "json", "parquet", "raw", "debezium-json", "canal-json", "maxwell-json", "avro", "orc" });

    /// <summary>Formats Flink's filesystem connector has that this one refuses (with its own message, not as unknown).</summary>
    internal static readonly string[] UnsupportedFormats = { "orc" };

    public static readonly ConfigOption<char> CsvFieldDelimiter = Char("csv.field-delimiter", ',', "Field delimiter character.");
    public static readonly ConfigOption<char> CsvQuoteCharacter = Char("csv.quote-character", '"', "Quote character enclosing field values.");
    public static readonly ConfigOption<bool> CsvDisableQuoteCharacter = Options.Bool("csv.disable-quote-character", false, "Disable quoting of values.");
    public static readonly ConfigOption<bool> CsvAllowComments = Options.Bool("csv.allow-comments", false, "Ignore lines starting with '#'.");
    public static readonly ConfigOption<bool> CsvIgnoreParseErrors = Options.Bool("csv.ignore-parse-errors", false, "Skip malformed records instead of failing.");
    public static readonly ConfigOption<string?> CsvNullLiteral = OptionalText("csv.null-literal", "String that stands for a null value.");
    public static readonly ConfigOption<char?> CsvEscapeCharacter = new("csv.escape-character", null, "Escape character (none by default).",
        s => ParseChar("csv.escape-character")(s), c => c?.ToString() ?? "", hasDefault: false);
    public static readonly ConfigOption<bool> CsvWriteBigDecimalInScientificNotation = Options.Bool("csv.write-bigdecimal-in-scientific-notation", true,
        "Set to true, decimals are written as Java's stripTrailingZeros().toString() (100000 as 1E+5, 1.50 as 1.5); as in Flink, the default "
        + "applies only when the option is set: unset or false, they are written plainly at the column's scale.");
    public static readonly ConfigOption<string> CsvArrayElementDelimiter = Options.String("csv.array-element-delimiter", ";",
        "What separates the elements of an ARRAY and the fields of a ROW within one field.");

    public static readonly ConfigOption<bool> JsonIgnoreParseErrors = Options.Bool("json.ignore-parse-errors", false, "Skip malformed records instead of failing.");
    public static readonly ConfigOption<bool> JsonFailOnMissingField = Options.Bool("json.fail-on-missing-field", false, "Fail when a field is missing (otherwise it is null).");
    public static readonly ConfigOption<string> JsonTimestampFormat = Options.Enum("json.timestamp-format.standard", "SQL",
        "Timestamp text: 'SQL' (2020-12-30 12:13:14.123) or 'ISO-8601' (2020-12-30T12:13:14.123).", new[] { "SQL", "ISO-8601" });
    public static readonly ConfigOption<string> JsonMapNullKeyMode = Options.Enum("json.map-null-key.mode", "FAIL",
        "What writing a NULL map key does: FAIL fails the job, DROP leaves the entry out, LITERAL writes 'json.map-null-key.literal' as the key.",
        new[] { "FAIL", "DROP", "LITERAL" });
    public static readonly ConfigOption<string> JsonMapNullKeyLiteral = Options.String("json.map-null-key.literal", "null", "The key written for a NULL map key with 'json.map-null-key.mode' = 'LITERAL'.");
    public static readonly ConfigOption<bool> JsonEncodeDecimalAsPlainNumber = Options.Bool("json.encode.decimal-as-plain-number", false, "Write decimals without scientific notation.");
    public static readonly ConfigOption<bool> JsonEncodeIgnoreNullFields = Options.Bool("json.encode.ignore-null-fields", false,
        "Leave out fields whose value is null (also in nested rows) instead of writing them as null.");

    public static readonly ConfigOption<string> RawCharset = Options.String("raw.charset", "UTF-8",
        "Charset of the text of a raw STRING column (Java's names: UTF-8, UTF-16, UTF-16BE, UTF-16LE, ISO-8859-1, US-ASCII).");
    public static readonly ConfigOption<string> RawEndianness = Options.Enum("raw.endianness", "big-endian",
        "Byte order of raw numeric values (accepted: a filesystem raw column is STRING or BYTES).", new[] { "big-endian", "little-endian" });

    public static readonly ConfigOption<long> RollingFileSize = new("sink.rolling-policy.file-size", 128L * 1024 * 1024,
        "Part file size at which a new part file is started.", Common.MemorySize.Parse, v => v + " bytes");
    public static readonly ConfigOption<TimeSpan> RollingInterval = Options.Duration("sink.rolling-policy.rollover-interval", TimeSpan.FromMinutes(30),
        "Longest time a part file stays open before a new one is started.");
    public static readonly ConfigOption<TimeSpan?> RollingInactivityInterval = Options.OptionalDuration("sink.rolling-policy.inactivity-interval",
        "A part file that has received no rows for this long is closed (rolled); by default it stays open until the next checkpoint.");
    public static readonly ConfigOption<TimeSpan> RollingCheckInterval = Options.Duration("sink.rolling-policy.check-interval", TimeSpan.FromMinutes(1),
        "How often the rollover and inactivity intervals are checked (accepted; they are checked on every write).");
    public static readonly ConfigOption<TimeSpan?> MonitorInterval = Options.OptionalDuration("source.monitor-interval",
        "When set, the source keeps watching the directory for new files at this interval (unbounded).");
    public static readonly ConfigOption<string?> SourcePathRegexPattern = OptionalText("source.path.regex-pattern",
        "Only files whose absolute path (without the file:// scheme) matches this regular expression as a whole are read; every "
        + "visible directory under the path is searched, whether it matches or not.");
    public static readonly ConfigOption<string> SourceReportStatistics = Options.Enum("source.report-statistics", "ALL",
        "Statistics the source reports to the planner (accepted: NONE or ALL).", new[] { "NONE", "ALL" });
    public static readonly ConfigOption<int?> SinkParallelism = Print.PrintOptions.SinkParallelism;
    public static readonly ConfigOption<bool> SinkShuffleByPartition = Options.Bool("sink.shuffle-by-partition.enable", false,
        "Accepted: rows are not shuffled by their partition values before the sink; each subtask writes the partitions its rows belong to.");
    public static readonly ConfigOption<bool> AutoCompaction = Options.Bool("auto-compaction", false,
        "Committed part files are named as Flink's compactor names its output (compacted-part-<uuid>-<subtask>-<n>) but are not merged "
        + "(they hold the same rows; committed files are visible, in-progress ones hidden, as with Flink's compaction).");
    public static readonly ConfigOption<long?> CompactionFileSize = new("compaction.file-size", null,
        "Accepted with 'auto-compaction' (the target size of merged files; no files are merged).",
        s => Common.MemorySize.Parse(s), v => v is null ? "" : v + " bytes", hasDefault: false);
    public static readonly ConfigOption<int?> CompactionParallelism = new("compaction.parallelism", null,
        "Accepted with 'auto-compaction' (the parallelism of the compaction in batch mode).",
        s => ConfigParsers.ParseInt(s), v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", hasDefault: false);
    public static readonly ConfigOption<string> PartitionDefaultName = Options.String("partition.default-name", "__DEFAULT_PARTITION__",
        "Partition directory value for a null or empty partition value.");

    public static readonly ConfigOption<string> PartitionCommitTrigger = Options.Enum("sink.partition-commit.trigger", "process-time",
        "When a partition is committed: 'process-time' (processing time passed the partition's creation time plus the delay) or "
        + "'partition-time' (the watermark passed the time extracted from the partition values plus the delay).", new[] { "process-time", "partition-time" });
    public static readonly ConfigOption<TimeSpan> PartitionCommitDelay = Options.Duration("sink.partition-commit.delay", TimeSpan.Zero,
        "How long after its trigger time a partition is committed.");
    public static readonly ConfigOption<string?> PartitionCommitPolicyKind = OptionalText("sink.partition-commit.policy.kind",
        "What committing a partition does: 'success-file' writes an empty success file into the partition directory.");
    public static readonly ConfigOption<string> PartitionCommitSuccessFileName = Options.String("sink.partition-commit.success-file.name", "_SUCCESS",
        "The name of the success file the 'success-file' policy writes.");
    public static readonly ConfigOption<string> PartitionCommitWatermarkTimeZone = Options.String("sink.partition-commit.watermark-time-zone", "UTC",
        "Time zone in which a TIMESTAMP_LTZ watermark is compared with partition times (partition-time trigger).");
    public static readonly ConfigOption<string> PartitionTimeExtractorKind = Options.Enum("partition.time-extractor.kind", "default",
        "How a partition's time is extracted from its values: 'default' (the timestamp pattern).", new[] { "default" });
    public static readonly ConfigOption<string?> PartitionTimeExtractorTimestampPattern = OptionalText("partition.time-extractor.timestamp-pattern",
        "The partition time from the partition values, e.g. '$dt $hour:00:00'; by default the first partition value.");
    public static readonly ConfigOption<string> PartitionTimeExtractorTimestampFormatter = Options.String("partition.time-extractor.timestamp-formatter",
        "yyyy-MM-dd HH:mm:ss", "The .NET/Java date pattern the extracted timestamp text is parsed with (a date alone is accepted too).");

    public static readonly ConfigOption<string> ParquetCompression = Options.Enum("parquet.compression", "snappy",
        "Compression of parquet part files: snappy, gzip, zstd or none (uncompressed).", new[] { "snappy", "gzip", "zstd", "none", "uncompressed", "lz4" });
    public static readonly ConfigOption<long> ParquetBlockSize = new("parquet.block.size", 128L * 1024 * 1024,
        "Buffered bytes at which a row group is written (a part file also ends its last row group when it closes).",
        Common.MemorySize.Parse, v => v + " bytes");

    public static readonly ConfigOption<bool> ParquetUtcTimezone = Options.Bool("parquet.utc-timezone", false,
        "How legacy INT96 timestamps (Spark, Hive, Impala) are read: true: the instant's wall clock in UTC (Hive 3.x); false: in the "
        + "process's local time zone (Hive 0.x to 2.x, Flink's default).");

    public static readonly ConfigOption<string> AvroCodec = Options.String("avro.codec", "snappy",
        "Compression of avro part files (Avro's codec names): snappy, deflate, zstandard or null (none); bzip2 and xz are refused. "
        + "Files are read with whichever of these their header names.");

    public static readonly ConfigOption<TimeSpan> LookupJoinCacheTtl = Options.Duration("lookup.join.cache.ttl", TimeSpan.FromMinutes(60),
        "How long a lookup join keeps the table's rows it read into memory before it reads the files again.");

    public static IReadOnlyList<ConfigOption> Optional { get; } =
    [
        CsvFieldDelimiter, CsvQuoteCharacter, CsvDisableQuoteCharacter, CsvAllowComments, CsvIgnoreParseErrors, CsvNullLiteral,
        CsvEscapeCharacter, CsvArrayElementDelimiter, CsvWriteBigDecimalInScientificNotation, JsonIgnoreParseErrors, JsonFailOnMissingField, JsonTimestampFormat, JsonMapNullKeyMode,
        JsonMapNullKeyLiteral, JsonEncodeDecimalAsPlainNumber, JsonEncodeIgnoreNullFields, RawCharset, RawEndianness, SourcePathRegexPattern, SourceReportStatistics,
        SinkShuffleByPartition, AutoCompaction, CompactionFileSize, CompactionParallelism, RollingFileSize, RollingInterval, RollingCheckInterval, MonitorInterval,
        SinkParallelism, PartitionDefaultName, RollingInactivityInterval, PartitionCommitTrigger, PartitionCommitDelay, PartitionCommitPolicyKind,
        PartitionCommitSuccessFileName, PartitionCommitWatermarkTimeZone, PartitionTimeExtractorKind, PartitionTimeExtractorTimestampPattern,
        PartitionTimeExtractorTimestampFormatter, ParquetCompression, ParquetBlockSize, ParquetUtcTimezone, AvroCodec, Kafka.AvroTimestampMapping.Legacy, LookupJoinCacheTtl, .. ChangelogFormats.ChangelogFormatOptions.All,
    ];
}
