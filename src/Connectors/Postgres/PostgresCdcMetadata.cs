using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// The metadata columns of a postgres-cdc table, as Flink CDC names them: <c>table_name</c>, <c>schema_name</c>,
/// <c>database_name</c>, <c>op_ts</c> (the commit time of the change; 0 for a row read from the snapshot) and
/// <c>row_kind</c> (<c>+I</c>, <c>-U</c>, <c>+U</c>, <c>-D</c>). Fills the columns the query asked for, in its order.
/// </summary>
internal sealed class PostgresCdcMetadata
{
    public const string TableName = "table_name";
    public const string SchemaName = "schema_name";
    public const string DatabaseName = "database_name";
    public const string OpTs = "op_ts";
    public const string RowKindKey = "row_kind";

    /// <summary>The keys a table may declare <c>METADATA FROM</c>, with their types.</summary>
    public static IReadOnlyDictionary<string, SqlType> Readable { get; } = new Dictionary<string, SqlType>
    {
        [TableName] = SqlType.String.AsNotNull(),
        [SchemaName] = SqlType.String.AsNotNull(),
        [DatabaseName] = SqlType.String.AsNotNull(),
        [OpTs] = SqlType.TimestampLtz(3).AsNotNull(),
        [RowKindKey] = SqlType.String.AsNotNull(),
    };

    private readonly string[] _keys;
    private readonly string _database;
    private readonly string _schema;
    private readonly string _table;

    public PostgresCdcMetadata(IReadOnlyList<string> keys, string database, string schema, string table)
    {
        _keys = keys.ToArray();
        _database = database;
        _schema = schema;
        _table = table;
    }

    /// <summary>How many metadata columns follow the physical ones.</summary>
    public int Count => _keys.Length;

    /// <summary>Appends one row's metadata to <paramref name="builders"/>[<paramref name="offset"/>..];
    /// <paramref name="commitMicros"/> is the change's commit time in microseconds since the epoch (0 in the snapshot).</summary>
    public void Append(ColumnBuilder[] builders, int offset, RowKind kind, long commitMicros)
    {
        for (int m = 0; m < _keys.Length; m++)
        {
            var builder = builders[offset + m];
            switch (_keys[m])
            {
                case TableName: builder.AppendString(_table); break;
                case SchemaName: builder.AppendString(_schema); break;
                case DatabaseName: builder.AppendString(_database); break;
                case OpTs: builder.AppendInt64(commitMicros - commitMicros % 1000); break;
                case RowKindKey: builder.AppendString(kind.ShortString()); break;
                default: builder.AppendNull(); break;
            }
        }
    }
}
