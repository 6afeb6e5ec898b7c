using StreamSql.Connectors.Common;
using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// <c>'connector' = 'filesystem'</c> with <c>'format' = 'csv' | 'json' | 'parquet' | 'avro'</c>: reads a file or the visible files of a
/// directory (names not starting with '.' or '_'), writes part files with two-phase commit (append-only input), rolled by size and time, into
/// <c>PARTITIONED BY</c> directories with partition commit; and serves lookup joins from the files read into memory.
/// </summary>
public sealed class FilesystemConnector : TableConnectorBase, ILookupConnector
{
    public override string Identifier => "filesystem";

    public override IReadOnlyList<ConfigOption> RequiredOptions { get; } = new ConfigOption[] { FilesystemOptions.Path, FilesystemOptions.Format };

    public override IReadOnlyList<ConfigOption> OptionalOptions => FilesystemOptions.Optional;

    /// <summary><c>file.path</c>, <c>file.name</c>, <c>file.size</c>, <c>file.modification-time</c> (Flink's).</summary>
    public override IReadOnlyDictionary<string, SqlType> ReadableMetadata => FilesystemMetadata.Readable;

    public override bool SupportsSource => true;
    public override bool SupportsSink => true;

    /// <summary>A lookup join reads the whole table into memory (<see cref="FilesystemLookupReader"/>).</summary>
    public override bool SupportsLookup => true;

    public ILookupReader CreateLookupReader(LookupReaderContext context) => new FilesystemLookupReader(context);

    /// <summary>Parquet row groups are skipped by their statistics and partition directories by their values.</summary>
    public override bool AcceptsScanFilters => true;

    public override bool IsBounded(CatalogTable table) => !new TableOptions(table).Contains(FilesystemOptions.MonitorInterval);

    /// <summary>debezium-json with <c>schema-include</c> is read only.</summary>
    public override void ValidateSink(CatalogTable table)
    {
        var options = new TableOptions(table);
        ChangelogFormats.ChangelogFormatOptions.ValidateEncoding(options, options.Get(FilesystemOptions.Format));
    }

    protected override void ValidateSpecific(CatalogTable table)
    {
        var options = new TableOptions(table);
        var path = options.Get(FilesystemOptions.Path);
        if (string.IsNullOrWhiteSpace(path)) throw options.Invalid(FilesystemOptions.Path.Key, "must not be empty");
        if (FilesystemPath.ToLocal(path) is null)
            throw options.Invalid(FilesystemOptions.Path.Key, $"'{path}' is not a local path; only local files (a plain path or a file:// URI) are supported");
        ChangelogFormats.ChangelogFormatOptions.Validate(options);
        FilesystemReader.PathPattern(options);
        if (options.Get(FilesystemOptions.RollingFileSize) <= 0) throw options.Invalid(FilesystemOptions.RollingFileSize.Key, "must be positive");
        var format = options.Get(FilesystemOptions.Format);
        if (FilesystemOptions.UnsupportedFormats.Contains(format))
            throw options.Invalid(FilesystemOptions.Format.Key,
                $"the '{format}' format is not supported by the filesystem connector yet (no {format} files are read or written); use parquet, avro, json or csv.");
        if (format == "raw") RawFormat.Check(options, table);
        if (format == "csv")
            foreach (var field in table.PhysicalSchema.Fields)
                if (Common.NestedColumns.Describe(field) is { } problem) throw options.Invalid(FilesystemOptions.Format.Key, problem);
        if (format is not ("csv" or "avro" or "raw"))
            foreach (var field in table.PhysicalSchema.Fields)
                if (Common.VariantColumns.Describe(format, field) is { } problem) throw options.Invalid(FilesystemOptions.Format.Key, problem);
        foreach (var key in table.Options.Keys)
        {
            int dot = key.IndexOf('.');
            string prefix = dot < 0 ? "" : key[..dot];
            if (prefix is "csv" or "json" or "parquet" or "avro" or "raw" or ChangelogFormats.ChangelogFormatOptions.Debezium or ChangelogFormats.ChangelogFormatOptions.Canal
                    or ChangelogFormats.ChangelogFormatOptions.Maxwell && prefix != format)
                throw new Sql.Planner.Connectors.ConnectorOptionException(key,
                    $"Option '{key}' of table '{table.Name}' belongs to another format than '{format}'.");
        }
        if (options.Get(FilesystemOptions.PartitionCommitPolicyKind) is { } policy)
        {
            foreach (var kind in policy.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (string.Equals(kind, "success-file", StringComparison.OrdinalIgnoreCase)) continue;
                // Flink's PartitionCommitPolicyFactory.validatePolicyChain, word for word.
                if (string.Equals(kind, "metastore", StringComparison.OrdinalIgnoreCase))
                    throw new Sql.Planner.Connectors.ConnectorOptionException(FilesystemOptions.PartitionCommitPolicyKind.Key,
                        "Can not configure a 'metastore' partition commit policy for a file system table. "
                        + "You can only configure 'metastore' partition commit policy for a hive table.");
                throw options.Invalid(FilesystemOptions.PartitionCommitPolicyKind.Key,
                    $"'{kind}' is not supported; the filesystem connector commits partitions with 'success-file' (no custom policy classes)");
            }
        }
        if (options.Get(FilesystemOptions.PartitionCommitWatermarkTimeZone) is var zone and not ("UTC" or "Z")
            && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            throw options.Invalid(FilesystemOptions.PartitionCommitWatermarkTimeZone.Key, $"'{zone}' is not a known time zone");
        if (options.Get(FilesystemOptions.ParquetBlockSize) <= 0) throw options.Invalid(FilesystemOptions.ParquetBlockSize.Key, "must be positive");
        var physical = table.PhysicalSchema.Fields;
        if (table.PartitionKeys.Count > 0 && table.PartitionKeys.Count >= physical.Count)
            throw new Sql.Planner.Connectors.ConnectorOptionException("PARTITIONED BY",
                $"Table '{table.Name}' has only partition columns; the filesystem connector needs at least one column that is not a partition column.");
        if (format == "avro") ValidateAvro(options, table);
        if (format == "parquet")
            foreach (var column in physical)
            {
                if (table.PartitionKeys.Any(k => string.Equals(k, column.Name, StringComparison.OrdinalIgnoreCase))) continue;
                try { Parquet.ParquetColumnType.For(column.Name, column.Type); }
                catch (NotSupportedException e)
                {
                    throw new Sql.Planner.Connectors.ConnectorOptionException(FilesystemOptions.Format.Key, $"Table '{table.Name}': {e.Message}");
                }
            }
    }

    /// <summary>avro: a codec Avro names and this connector writes, and columns the avro format holds under the timestamp mapping.</summary>
    private static void ValidateAvro(TableOptions options, CatalogTable table)
    {
        var codec = options.Get(FilesystemOptions.AvroCodec);
        if (Avro.AvroCodec.ForName(codec) is null)
            throw options.Invalid(FilesystemOptions.AvroCodec.Key, Avro.AvroCodec.Unsupported.Contains(codec)
                ? $"the '{codec}' codec is not supported yet; use snappy, deflate, zstandard or null"
                : $"Unrecognized codec: {codec} (Avro's codecs are null, deflate, snappy, bzip2, xz and zstandard; all but bzip2 and xz are supported)");
        var legacyOption = Kafka.AvroTimestampMapping.Legacy;
        bool legacy = options.Get(legacyOption);
        foreach (var column in table.PhysicalSchema.Fields)
        {
            if (table.PartitionKeys.Any(k => string.Equals(k, column.Name, StringComparison.OrdinalIgnoreCase))) continue;
            if (Kafka.AvroBinary.Unsupported(column.Type) is { } problem)
                throw options.Invalid(FilesystemOptions.Format.Key, $"{problem} (column '{column.Name}' is {column.Type})");
            if (Kafka.AvroTimestampMapping.Problem(column.Type, legacy, legacyOption.Key) is { } mapping)
                throw new Sql.Planner.Connectors.ConnectorOptionException(options.Contains(legacyOption) ? legacyOption.Key : FilesystemOptions.Format.Key,
                    $"Column '{column.Name}' of table '{table.Name}': {mapping}.");
        }
    }

    /// <summary>A change-data format is read as a full changelog.</summary>
    public override ChangelogMode SourceChangelogMode(CatalogTable table) =>
        ChangelogFormats.ChangelogFormatOptions.IsChangelogFormat(new TableOptions(table).Get(FilesystemOptions.Format)) ? ChangelogMode.All : ChangelogMode.InsertOnly;

    /// <summary>A change-data format writes every change (a retraction as a delete message); the other formats take inserts only.</summary>
    public override ChangelogMode SinkChangelogMode(CatalogTable table) =>
        ChangelogFormats.ChangelogFormatOptions.IsChangelogFormat(new TableOptions(table).Get(FilesystemOptions.Format)) ? ChangelogMode.All : ChangelogMode.InsertOnly;

    public override ISourceReader CreateReader() => new FilesystemReader();

    public override ISinkWriter CreateWriter() => new FilesystemWriter();
}
