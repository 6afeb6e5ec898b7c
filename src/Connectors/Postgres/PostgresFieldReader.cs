using Npgsql;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// Appends a PostgreSQL value to a column of its SQL type, in the engine's representation: integers as their width, DATE
/// as days, TIME as milliseconds, TIMESTAMP[_LTZ] as microseconds (nanoseconds above precision 6) since the epoch, DECIMAL
/// as its unscaled value at the column's scale. One reader per column, chosen once (no type switch per value).
/// </summary>
internal abstract class PostgresFieldReader
{
    /// <summary>Appends column <paramref name="ordinal"/> of the current row (NULL included).</summary>
    public void Append(NpgsqlDataReader reader, int ordinal, ColumnBuilder builder)
    {
        if (reader.IsDBNull(ordinal)) builder.AppendNull();
        else AppendValue(reader, ordinal, builder);
    }

    protected abstract void AppendValue(NpgsqlDataReader reader, int ordinal, ColumnBuilder builder);

    /// <summary>How a query selects <paramref name="column"/> (quoted) into a column of <paramref name="type"/>: a STRING
    /// column reads the value's text as PostgreSQL prints it (its output function, as the replication stream sends it and
    /// PgJDBC's getString reads it), so json, jsonb, uuid, inet, xml, ... columns read as STRING and CHAR keeps its padding;
    /// <c>concat</c> gives that text, where a cast to text would differ for some types (inet, bpchar, boolean).</summary>
    public static string SelectText(string column, SqlType type) =>
        type.Kind is SqlTypeKind.Char or SqlTypeKind.VarChar ? $"CASE WHEN {column} IS NULL THEN NULL ELSE concat({column}) END" : column;

    /// <summary>Whether a column of <paramref name="type"/> can be read from a PostgreSQL column whose type is
    /// <paramref name="postgresType"/> (its internal name: <c>int4</c>, <c>_text</c>, ...), as Flink's PostgreSQL type
    /// mapping pairs them, and the widenings the client reads (integers of any width into any integer type, DECIMAL or
    /// FLOAT/DOUBLE; numeric into FLOAT/DOUBLE; a STRING from any type, as its text).</summary>
    public static bool Reads(SqlType type, string postgresType) => type.Kind switch
    {
        SqlTypeKind.Boolean => postgresType is "bool",
        SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Int or SqlTypeKind.BigInt => postgresType is "int2" or "int4" or "int8",
        SqlTypeKind.Float or SqlTypeKind.Double => postgresType is "float4" or "float8" or "numeric" or "int2" or "int4" or "int8",
        SqlTypeKind.Decimal => postgresType is "numeric" or "int2" or "int4" or "int8",
        SqlTypeKind.Char or SqlTypeKind.VarChar => true,
        SqlTypeKind.Binary or SqlTypeKind.VarBinary => postgresType is "bytea",
        SqlTypeKind.Date => postgresType is "date",
        SqlTypeKind.Time => postgresType is "time",
        SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz => postgresType is "timestamp" or "timestamptz",
        SqlTypeKind.Array => postgresType.StartsWith('_'),
        _ => true,
    };

    /// <summary>The reader for <paramref name="type"/>, or null for a type PostgreSQL columns are not read into.</summary>
    public static PostgresFieldReader? For(SqlType type) => type.Kind switch
    {
        SqlTypeKind.Boolean => new Of(static (r, i, b) => b.AppendBoolean(r.GetBoolean(i))),
        SqlTypeKind.TinyInt or SqlTypeKind.SmallInt => new Of(static (r, i, b) => b.AppendInt64(Convert.ToInt64(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))),
        SqlTypeKind.Int => new Of(static (r, i, b) => b.AppendInt64(Convert.ToInt64(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))),
        SqlTypeKind.BigInt => new Of(static (r, i, b) => b.AppendInt64(r.GetInt64(i))),
        SqlTypeKind.Float => new Of(static (r, i, b) => b.AppendDouble(r.GetFloat(i))),
        SqlTypeKind.Double => new Of(static (r, i, b) => b.AppendDouble(r.GetDouble(i))),
        SqlTypeKind.Decimal => new DecimalReader(type.Scale),
        SqlTypeKind.Char or SqlTypeKind.VarChar => new Of(static (r, i, b) => b.AppendString(r.GetString(i))),
        SqlTypeKind.Binary or SqlTypeKind.VarBinary => new Of(static (r, i, b) => b.AppendBytes(r.GetFieldValue<byte[]>(i))),
        SqlTypeKind.Date => new Of(static (r, i, b) => b.AppendInt64(r.GetFieldValue<DateOnly>(i).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber)),
        SqlTypeKind.Time => new Of(static (r, i, b) => b.AppendInt64(r.GetFieldValue<TimeOnly>(i).Ticks / TimeSpan.TicksPerMillisecond)),
        SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz => new TimestampReader(TimestampEncoding.IsNanos(type)),
        SqlTypeKind.Array => ArrayReader(type.Elements![0]),
        _ => null,
    };

    /// <summary>A one-dimensional PostgreSQL array into an ARRAY column, NULL elements included.</summary>
    private static PostgresFieldReader? ArrayReader(SqlType element)
    {
        int epochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
        bool nanos = element.Kind is SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz && TimestampEncoding.IsNanos(element);
        return element.Kind switch
        {
            SqlTypeKind.Boolean => new ArrayOf<bool?>(static (b, v) => b.AppendBoolean(v!.Value)),
            SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Int or SqlTypeKind.BigInt => new ArrayOf<long?>(static (b, v) => b.AppendInt64(v!.Value)),
            SqlTypeKind.Float or SqlTypeKind.Double => new ArrayOf<double?>(static (b, v) => b.AppendDouble(v!.Value)),
            SqlTypeKind.Decimal => new ArrayOf<decimal?>((b, v) => b.AppendUnscaled(DecimalReader.Unscaled(v!.Value, element.Scale))),
            SqlTypeKind.Char or SqlTypeKind.VarChar => new ArrayOf<string?>(static (b, v) => b.AppendString(v)),
            SqlTypeKind.Binary or SqlTypeKind.VarBinary => new ArrayOf<byte[]?>(static (b, v) => b.AppendBytes(v)),
            SqlTypeKind.Date => new ArrayOf<DateOnly?>((b, v) => b.AppendInt64(v!.Value.DayNumber - epochDay)),
            SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz => new ArrayOf<DateTime?>((b, v) =>
            {
                long micros = (v!.Value.Ticks - DateTime.UnixEpoch.Ticks) / 10;
                b.AppendInt64(nanos ? micros * 1000 : micros);
            }),
            _ => null,
        };
    }

    private sealed class ArrayOf<T>(Action<ColumnBuilder, T> append) : PostgresFieldReader
    {
        protected override void AppendValue(NpgsqlDataReader reader, int ordinal, ColumnBuilder builder)
        {
            var values = ((ListColumnBuilder)builder).Values;
            foreach (var value in reader.GetFieldValue<T[]>(ordinal))
            {
                if (value is null) values.AppendNull();
                else append(values, value);
            }
            builder.AppendListValid();
        }
    }

    private sealed class Of(Action<NpgsqlDataReader, int, ColumnBuilder> append) : PostgresFieldReader
    {
        protected override void AppendValue(NpgsqlDataReader reader, int ordinal, ColumnBuilder builder) => append(reader, ordinal, builder);
    }

    private sealed class TimestampReader(bool nanos) : PostgresFieldReader
    {
        protected override void AppendValue(NpgsqlDataReader reader, int ordinal, ColumnBuilder builder)
        {
            long micros = (reader.GetFieldValue<DateTime>(ordinal).Ticks - DateTime.UnixEpoch.Ticks) / 10;
            builder.AppendInt64(nanos ? micros * 1000 : micros);
        }
    }

    private sealed class DecimalReader(int scale) : PostgresFieldReader
    {
        /// <summary><paramref name="value"/> as an unscaled integer at <paramref name="scale"/> (HALF_UP).</summary>
        public static Int128 Unscaled(decimal value, int scale)
        {
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(value, bits);
            var mantissa = ((Int128)(uint)bits[2] << 64) | ((Int128)(uint)bits[1] << 32) | (uint)bits[0];
            if (value < 0) mantissa = -mantissa;
            int from = (bits[3] >> 16) & 0xFF;
            return DecimalValue.TryRescale(mantissa, from, scale, out var result)
                ? result
                : throw new OverflowException($"the value {value} does not fit a DECIMAL of scale {scale}");
        }

        protected override void AppendValue(NpgsqlDataReader reader, int ordinal, ColumnBuilder builder)
        {
            builder.AppendUnscaled(Unscaled(reader.GetDecimal(ordinal), scale));
        }
    }
}
