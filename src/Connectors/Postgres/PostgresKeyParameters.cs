using Apache.Arrow;
using Npgsql;
using NpgsqlTypes;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// A key column of a lookup request as one PostgreSQL array parameter (<c>= ANY($1)</c>, <c>unnest($1, $2)</c>): the
/// column's values, none NULL, converted from the engine's representation to the .NET type Npgsql sends for the
/// column's PostgreSQL type.
/// </summary>
internal static class PostgresKeyParameters
{
    private static readonly int EpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>Whether a column of <paramref name="type"/> can be a lookup key.</summary>
    public static bool Supports(SqlType type) => type.Kind is SqlTypeKind.Boolean or SqlTypeKind.TinyInt or SqlTypeKind.SmallInt
        or SqlTypeKind.Int or SqlTypeKind.BigInt or SqlTypeKind.Float or SqlTypeKind.Double or SqlTypeKind.Decimal or SqlTypeKind.Char
        or SqlTypeKind.VarChar or SqlTypeKind.Binary or SqlTypeKind.VarBinary or SqlTypeKind.Date or SqlTypeKind.Time
        or SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz;

    public static NpgsqlParameter Create(IArrowArray column, SqlType type)
    {
        int n = column.Length;
        switch (type.Kind)
        {
            case SqlTypeKind.Boolean:
            {
                var a = (BooleanArray)column;
                var values = new bool[n];
                for (int i = 0; i < n; i++) values[i] = a.GetValue(i) == true;
                return Array(values, NpgsqlDbType.Boolean);
            }
            case SqlTypeKind.TinyInt:
            {
                var a = (Int8Array)column;
                var values = new short[n];
                for (int i = 0; i < n; i++) values[i] = a.Values[i];
                return Array(values, NpgsqlDbType.Smallint);
            }
            case SqlTypeKind.SmallInt:
                return Array(((Int16Array)column).Values.ToArray(), NpgsqlDbType.Smallint);
            case SqlTypeKind.Int:
                return Array(((Int32Array)column).Values.ToArray(), NpgsqlDbType.Integer);
            case SqlTypeKind.BigInt:
                return Array(((Int64Array)column).Values.ToArray(), NpgsqlDbType.Bigint);
            case SqlTypeKind.Float:
                return Array(((FloatArray)column).Values.ToArray(), NpgsqlDbType.Real);
            case SqlTypeKind.Double:
                return Array(((DoubleArray)column).Values.ToArray(), NpgsqlDbType.Double);
            case SqlTypeKind.Decimal:
            {
                var a = (Decimal128Array)column;
                var values = new decimal[n];
                for (int i = 0; i < n; i++) values[i] = a.GetValue(i) ?? 0m;
                return Array(values, NpgsqlDbType.Numeric);
            }
            case SqlTypeKind.Char or SqlTypeKind.VarChar:
            {
                var a = (StringArray)column;
                var values = new string[n];
                for (int i = 0; i < n; i++) values[i] = a.GetString(i);
                return Array(values, NpgsqlDbType.Text);
            }
            case SqlTypeKind.Binary or SqlTypeKind.VarBinary:
            {
                var a = (BinaryArray)column;
                var values = new byte[n][];
                for (int i = 0; i < n; i++) values[i] = a.GetBytes(i).ToArray();
                return Array(values, NpgsqlDbType.Bytea);
            }
            case SqlTypeKind.Date:
            {
                var a = (Date32Array)column;
                var values = new DateOnly[n];
                for (int i = 0; i < n; i++) values[i] = DateOnly.FromDayNumber(EpochDay + a.Values[i]);
                return Array(values, NpgsqlDbType.Date);
            }
            case SqlTypeKind.Time:
            {
                var a = (Time32Array)column;
                var values = new TimeOnly[n];
                for (int i = 0; i < n; i++) values[i] = new TimeOnly(a.Values[i] * TimeSpan.TicksPerMillisecond);
                return Array(values, NpgsqlDbType.Time);
            }
            case SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz:
            {
                var a = (TimestampArray)column;
                bool nanos = TimestampEncoding.IsNanos(type);
                bool utc = type.Kind == SqlTypeKind.TimestampLtz;
                var values = new DateTime[n];
                for (int i = 0; i < n; i++)
                {
                    long micros = nanos ? TimestampEncoding.ToMicros(a.Values[i], type.Precision) : a.Values[i];
                    values[i] = new DateTime(DateTime.UnixEpoch.Ticks + micros * 10, utc ? DateTimeKind.Utc : DateTimeKind.Unspecified);
                }
                return Array(values, utc ? NpgsqlDbType.TimestampTz : NpgsqlDbType.Timestamp);
            }
            default:
                throw new NotSupportedException($"a {type} column cannot be a lookup key");
        }
    }

    private static NpgsqlParameter Array<T>(T[] values, NpgsqlDbType element) =>
        new() { Value = values, NpgsqlDbType = NpgsqlDbType.Array | element };
}
