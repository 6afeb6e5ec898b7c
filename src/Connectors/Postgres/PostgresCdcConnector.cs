using StreamSql.Connectors.Common;
using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// <c>'connector' = 'postgres-cdc'</c>, Flink CDC's PostgreSQL source: a snapshot of the table, then its changes from a
/// logical replication slot (pgoutput), as a changelog — full before images with <c>'changelog-mode' = 'all'</c> (REPLICA
/// IDENTITY FULL), or upserts by the primary key with <c>'upsert'</c>. Exactly once across restores through the LSN kept
/// in checkpoints (<see cref="PostgresCdcReader"/>), also for a snapshot cut short. Flink CDC's metadata columns
/// (<see cref="PostgresCdcMetadata"/>); its <c>debezium.*</c> options are accepted.
/// </summary>
public sealed class PostgresCdcConnector : TableConnectorBase
{
    public override string Identifier => "postgres-cdc";
    public override IReadOnlyList<ConfigOption> RequiredOptions => PostgresCdcOptions.Required;
    public override IReadOnlyList<ConfigOption> OptionalOptions => PostgresCdcOptions.Optional;
    public override IReadOnlyList<string> OptionPrefixes { get; } = ["debezium."];
    public override bool SupportsSource => true;
    public override IReadOnlyDictionary<string, SqlType> ReadableMetadata => PostgresCdcMetadata.Readable;

    public override bool IsBounded(CatalogTable table) =>
        table.Options.TryGetValue(PostgresCdcOptions.StartupMode.Key, out var mode) && string.Equals(mode.Trim(), "snapshot", StringComparison.OrdinalIgnoreCase);

    public override ChangelogMode SourceChangelogMode(CatalogTable table) =>
        table.Options.TryGetValue(PostgresCdcOptions.ChangelogMode.Key, out var mode) && string.Equals(mode.Trim(), "upsert", StringComparison.OrdinalIgnoreCase)
            ? ChangelogMode.Upsert
            : ChangelogMode.All;

    protected override void ValidateSpecific(CatalogTable table)
    {
        var options = new TableOptions(table);
        foreach (var option in new[] { PostgresCdcOptions.ChunkSize, PostgresCdcOptions.FetchSize })
            if (options.Get(option) is var value and <= 1)
                throw options.Invalid(option.Key, $"it must be larger than 1, but is {value}");
        if (SourceChangelogMode(table) == ChangelogMode.Upsert && table.PrimaryKey.Count == 0)
            throw new ConnectorOptionException(PostgresCdcOptions.ChangelogMode.Key,
                $"postgres-cdc table '{table.Name}' sets 'changelog-mode' = 'upsert', which needs a PRIMARY KEY (...) NOT ENFORCED on the table");
        foreach (var column in table.Columns.OfType<MetadataColumn>())
        {
            var expected = PostgresCdcMetadata.Readable[column.MetadataKey];
            bool fits = expected.Kind == SqlTypeKind.TimestampLtz
                ? column.Type.Kind is SqlTypeKind.TimestampLtz or SqlTypeKind.Timestamp
                : column.Type.Kind is SqlTypeKind.VarChar or SqlTypeKind.Char;
            if (!fits)
                throw new ConnectorOptionException("connector",
                    $"postgres-cdc table '{table.Name}' reads metadata '{column.MetadataKey}' into column '{column.Name}' of type {column.Type}, but it is {expected}");
        }
        foreach (var column in table.PhysicalSchema.Fields)
            if (PostgresFieldReader.For(column.Type) is null)
                throw new ConnectorOptionException("connector", $"postgres-cdc table '{table.Name}' cannot read column '{column.Name}' of type {column.Type}");
    }

    public override ISourceReader CreateReader() => new PostgresCdcReader();
}
