using Npgsql;
using NpgsqlTypes;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// Writes an <c>ARRAY&lt;T&gt;</c> column into a binary COPY as a one-dimensional PostgreSQL array of T's PostgreSQL type
/// (Flink's PostgreSQL dialect maps ARRAY the same way), NULL elements included. Each value becomes a .NET array, the
/// form Npgsql writes arrays from.
/// </summary>
internal sealed class JdbcArrayWriter<T>(string elementType, NpgsqlDbType element, Func<ColumnView, int, T> read) : JdbcFieldWriter
{
    public override string StagingType => elementType + "[]";

    public override void Write(NpgsqlBinaryImporter importer, in ColumnView column, int row)
    {
        var offsets = column.Offsets;
        int start = offsets[row], end = offsets[row + 1];
        var elements = new ColumnView(column.Data.Children[0]);
        var values = new T[end - start];
        for (int i = start; i < end; i++)
            if (!elements.IsNull(i)) values[i - start] = read(elements, i);
        importer.Write(values, NpgsqlDbType.Array | element);
    }
}

/// <summary>The array writers by element type.</summary>
internal static class JdbcArrayWriter
{
    private static readonly int EpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>The writer of <c>ARRAY&lt;<paramref name="element"/>&gt;</c>, or null when the sink cannot write it.</summary>
    public static JdbcFieldWriter? For(SqlType element) => element.Kind switch
    {
        SqlTypeKind.Boolean => new JdbcArrayWriter<bool?>("boolean", NpgsqlDbType.Boolean, static (c, i) => c.GetBoolean(i)),
        SqlTypeKind.TinyInt or SqlTypeKind.SmallInt => new JdbcArrayWriter<short?>("smallint", NpgsqlDbType.Smallint, static (c, i) => (short)c.GetInt64(i)),
        SqlTypeKind.Int => new JdbcArrayWriter<int?>("integer", NpgsqlDbType.Integer, static (c, i) => c.Values<int>()[i]),
        SqlTypeKind.BigInt => new JdbcArrayWriter<long?>("bigint", NpgsqlDbType.Bigint, static (c, i) => c.Values<long>()[i]),
        SqlTypeKind.Float => new JdbcArrayWriter<float?>("real", NpgsqlDbType.Real, static (c, i) => c.Values<float>()[i]),
        SqlTypeKind.Double => new JdbcArrayWriter<double?>("double precision", NpgsqlDbType.Double, static (c, i) => c.Values<double>()[i]),
        SqlTypeKind.Decimal when element.Precision <= 28 => new JdbcArrayWriter<decimal?>("numeric", NpgsqlDbType.Numeric, (c, i) => ToDecimal(c.GetUnscaled(i), element.Scale)),
        SqlTypeKind.Char or SqlTypeKind.VarChar => new JdbcArrayWriter<string?>("text", NpgsqlDbType.Text, static (c, i) => c.GetString(i)),
        SqlTypeKind.Binary or SqlTypeKind.VarBinary => new JdbcArrayWriter<byte[]?>("bytea", NpgsqlDbType.Bytea, static (c, i) => c.GetBytes(i).ToArray()),
        SqlTypeKind.Date => new JdbcArrayWriter<DateOnly?>("date", NpgsqlDbType.Date, static (c, i) => DateOnly.FromDayNumber(EpochDay + c.Values<int>()[i])),
        SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz => Timestamps(element),
        _ => null,
    };

    private static JdbcFieldWriter Timestamps(SqlType element)
    {
        bool nanos = TimestampEncoding.IsNanos(element), utc = element.Kind == SqlTypeKind.TimestampLtz;
        return new JdbcArrayWriter<DateTime?>(utc ? "timestamptz" : "timestamp", utc ? NpgsqlDbType.TimestampTz : NpgsqlDbType.Timestamp, (c, i) =>
        {
            long value = c.Values<long>()[i];
            long ticks = nanos ? Math.DivRem(value, 100L) is var (q, r) && r < 0 ? q - 1 : q : value * 10;
            return new DateTime(DateTime.UnixEpoch.Ticks + ticks, utc ? DateTimeKind.Utc : DateTimeKind.Unspecified);
        });
    }

    private static decimal ToDecimal(Int128 unscaled, int scale)
    {
        var bits = (UInt128)(unscaled < 0 ? -unscaled : unscaled);
        return new decimal((int)(uint)bits, (int)(uint)(bits >> 32), (int)(uint)(bits >> 64), unscaled < 0, (byte)scale);
    }
}
