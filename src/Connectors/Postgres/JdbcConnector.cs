using StreamSql.Connectors.Common;
using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// <c>'connector' = 'jdbc'</c>, Flink's JDBC SQL connector over PostgreSQL (Npgsql): a bounded scan source
/// (<see cref="JdbcScanReader"/>), and a sink: with a declared primary key
/// it upserts (<c>INSERT ... ON CONFLICT (key) DO UPDATE</c>) and deletes, without one it appends (an updating query into it
/// is refused when planned, as in Flink). Batched with binary COPY; at-least-once as Flink, or exactly-once with
/// <c>sink.delivery-guarantee</c> (see <see cref="JdbcWriter"/>). A lookup join reads it through
/// <see cref="PostgresLookupReader"/> (Flink's <c>lookup.*</c> options).
/// </summary>
public sealed class JdbcConnector : TableConnectorBase, ILookupConnector
{
    public override string Identifier => "jdbc";

    public override IReadOnlyList<ConfigOption> RequiredOptions => JdbcOptions.Required;

    public override IReadOnlyList<ConfigOption> OptionalOptions { get; } = [.. JdbcOptions.Optional, .. LookupOptions.All];

    public override bool SupportsSink => true;

    public override bool SupportsSource => true;

    public override bool IsBounded(CatalogTable table) => true;

    public override ISourceReader CreateReader() => new JdbcScanReader();

    public override bool SupportsLookup => true;

    public ILookupReader CreateLookupReader(LookupReaderContext context)
    {
        var connection = JdbcConnection.Of(context.Table);
        var tableName = new TableOptions(context.Table).Require(JdbcOptions.TableName)!;
        return new PostgresLookupReader(context, connection.ConnectionString, tableName, connection.Sanitize);
    }

    public override ChangelogMode SinkChangelogMode(CatalogTable table) => table.PrimaryKey.Count > 0 ? ChangelogMode.Upsert : ChangelogMode.InsertOnly;

    protected override void ValidateSpecific(CatalogTable table)
    {
        var options = new TableOptions(table);
        try
        {
            JdbcUrl.Parse(options.Require(JdbcOptions.Url)!);
        }
        catch (FormatException e)
        {
            throw options.Invalid(JdbcOptions.Url.Key, e.Message);
        }
        if (options.Contains(JdbcOptions.Username) != options.Contains(JdbcOptions.Password))
            throw new ConnectorOptionException(options.Contains(JdbcOptions.Username) ? JdbcOptions.Password.Key : JdbcOptions.Username.Key,
                $"Either all or none of the following options should be provided: username, password (table '{table.Name}').");
        var partition = JdbcOptions.ScanPartition.Where(options.Contains).ToList();
        if (partition.Count is > 0 and < 4)
            throw new ConnectorOptionException(JdbcOptions.ScanPartition.First(o => !options.Contains(o)).Key,
                $"Either all or none of the following options should be provided: {string.Join(", ", JdbcOptions.ScanPartition.Select(o => o.Key))} (table '{table.Name}').");
        if (partition.Count == 4)
        {
            long lower = options.Get(JdbcOptions.ScanPartitionLowerBound), upper = options.Get(JdbcOptions.ScanPartitionUpperBound);
            if (lower > upper)
                throw options.Invalid(JdbcOptions.ScanPartitionLowerBound.Key,
                    $"'{JdbcOptions.ScanPartitionLowerBound.Key}'='{lower}' must not be larger than '{JdbcOptions.ScanPartitionUpperBound.Key}'='{upper}'.");
            if ((Int128)upper - lower >= long.MaxValue)
                throw options.Invalid(JdbcOptions.ScanPartitionUpperBound.Key,
                    $"The range from '{JdbcOptions.ScanPartitionLowerBound.Key}'='{lower}' to '{JdbcOptions.ScanPartitionUpperBound.Key}'='{upper}' holds more values than a BIGINT can count.");
            if (options.Get(JdbcOptions.ScanPartitionNum) < 1)
                throw options.Invalid(JdbcOptions.ScanPartitionNum.Key, "The number of partitions must be at least 1.");
            var column = options.Get(JdbcOptions.ScanPartitionColumn)!;
            var field = table.PhysicalSchema.Fields.FirstOrDefault(f => string.Equals(f.Name, column, StringComparison.OrdinalIgnoreCase));
            if (field is null || field.Type.Kind is not (SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Int or SqlTypeKind.BigInt or SqlTypeKind.Decimal))
                throw options.Invalid(JdbcOptions.ScanPartitionColumn.Key, field is null
                    ? $"'{column}' is not a column of the table"
                    : $"column '{field.Name}' is of type {field.Type}; the partition column must be numeric");
        }
        if (options.Get(JdbcOptions.ScanFetchSize) < 0) throw options.Invalid(JdbcOptions.ScanFetchSize.Key, "must not be negative");
        if (options.Get(JdbcOptions.BufferFlushMaxRows) < 0) throw options.Invalid(JdbcOptions.BufferFlushMaxRows.Key, "must not be negative");
        if (options.Get(LookupOptions.MaxRetries) < 0)
            throw options.Invalid(LookupOptions.MaxRetries.Key, "The max retry times must be greater than or equal to 0.");
        if (options.Get(JdbcOptions.MaxRetries) < 0)
            throw options.Invalid(JdbcOptions.MaxRetries.Key, $"The max retry times must be greater than or equal to 0.");
        foreach (var column in table.PhysicalSchema.Fields)
            if (JdbcFieldWriter.For(column.Type) is null)
                throw new ConnectorOptionException("connector",
                    $"The PostgreSQL dialect doesn't support type: {column.Type}. (column '{column.Name}' of the jdbc table '{table.Name}'; supported are BOOLEAN, TINYINT, SMALLINT, "
                    + "INT, BIGINT, FLOAT, DOUBLE, DECIMAL, CHAR, VARCHAR/STRING, BINARY, VARBINARY/BYTES, DATE, TIME, TIMESTAMP, TIMESTAMP_LTZ, INTERVAL and ARRAYs of those but TIME and INTERVAL)");
    }

    public override ISinkWriter CreateWriter() => new JdbcWriter();
}
