using StreamSql.Connectors.Common;
using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;

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
        if (options.Get(FilesystemOptions.RollingFileSize) <= 0) throw options.Invalid(FilesystemOptions.RollingFileSize.Key, "must be positive");
        var format = options.Get(FilesystemOptions.Format);
        if (format == "csv")
            foreach (var field in table.PhysicalSchema.Fields)
                if (Common.NestedColumns.Describe(field) is { } problem) throw options.Invalid(FilesystemOptions.Format.Key, problem);
        foreach (var key in table.Options.Keys)
        {
            if (format == "csv" && key.StartsWith("json.", StringComparison.Ordinal)
                || format == "json" && key.StartsWith("csv.", StringComparison.Ordinal))
                throw new Sql.Planner.Connectors.ConnectorOptionException(key,
                    $"Option '{key}' of table '{table.Name}' belongs to another format than '{format}'.");
        }
    }

    public override ISourceReader CreateReader() => new FilesystemReader();

    public override ISinkWriter CreateWriter() => new FilesystemWriter();
}
