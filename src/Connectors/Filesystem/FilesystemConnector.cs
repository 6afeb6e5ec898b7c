using StreamSql.Connectors.Common;
using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// <c>'connector' = 'filesystem'</c> with <c>'format' = 'csv' | 'json'</c>: reads a file or the visible files of a
/// directory (names not starting with '.' or '_'), writes part files with two-phase commit (append-only input).
/// </summary>
public sealed class FilesystemConnector : TableConnectorBase
{
    public override string Identifier => "filesystem";

    public override IReadOnlyList<ConfigOption> RequiredOptions { get; } = new ConfigOption[] { FilesystemOptions.Path, FilesystemOptions.Format };

    public override IReadOnlyList<ConfigOption> OptionalOptions => FilesystemOptions.Optional;

    public override bool SupportsSource => true;
    public override bool SupportsSink => true;

    public override bool IsBounded(CatalogTable table) => !new TableOptions(table).Contains(FilesystemOptions.MonitorInterval);

    protected override void ValidateSpecific(CatalogTable table)
    {
        var options = new TableOptions(table);
        var path = options.Get(FilesystemOptions.Path);
        if (string.IsNullOrWhiteSpace(path)) throw options.Invalid(FilesystemOptions.Path.Key, "must not be empty");
        if (FilesystemPath.ToLocal(path) is null)
            throw options.Invalid(FilesystemOptions.Path.Key, $"'{path}' is not a local path; only local files (a plain path or a file:// URI) are supported");
        ChangelogFormats.ChangelogFormatOptions.Validate(options);
        if (options.Get(FilesystemOptions.RollingFileSize) <= 0) throw options.Invalid(FilesystemOptions.RollingFileSize.Key, "must be positive");
        var format = options.Get(FilesystemOptions.Format);
        if (format == "csv")
            foreach (var field in table.PhysicalSchema.Fields)
                if (Common.NestedColumns.Describe(field) is { } problem) throw options.Invalid(FilesystemOptions.Format.Key, problem);
        foreach (var key in table.Options.Keys)
        {
            int dot = key.IndexOf('.');
            string prefix = dot < 0 ? "" : key[..dot];
            if (prefix is "csv" or "json" or ChangelogFormats.ChangelogFormatOptions.Debezium or ChangelogFormats.ChangelogFormatOptions.Canal
                    or ChangelogFormats.ChangelogFormatOptions.Maxwell && prefix != format)
                throw new Sql.Planner.Connectors.ConnectorOptionException(key,
                    $"Option '{key}' of table '{table.Name}' belongs to another format than '{format}'.");
        }
    }

    /// <summary>A change-data format is read as a full changelog.</summary>
    public override ChangelogMode SourceChangelogMode(CatalogTable table) =>
        ChangelogFormats.ChangelogFormatOptions.IsChangelogFormat(new TableOptions(table).Get(FilesystemOptions.Format)) ? ChangelogMode.All : ChangelogMode.InsertOnly;

    /// <summary>debezium-json writes every change (a delete as op "d"); the other formats take inserts only.</summary>
    public override ChangelogMode SinkChangelogMode(CatalogTable table) =>
        new TableOptions(table).Get(FilesystemOptions.Format) == ChangelogFormats.ChangelogFormatOptions.Debezium ? ChangelogMode.All : ChangelogMode.InsertOnly;

    public override ISourceReader CreateReader() => new FilesystemReader();

    public override ISinkWriter CreateWriter() => new FilesystemWriter();
}
