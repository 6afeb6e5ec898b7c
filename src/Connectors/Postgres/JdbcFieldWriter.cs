using Npgsql;
using NpgsqlTypes;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// Writes one column's values into a binary COPY, as the PostgreSQL type <see cref="StagingType"/> (the type of the column
/// in the staging table; the statement that moves rows into the target casts to the target column's own type). One per
/// column, made once when the sink opens; the rows are read straight from the Arrow buffers.
/// </summary>
internal abstract class JdbcFieldWriter
{
    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;

    /// <summary>The PostgreSQL type the values are written as.</summary>
    public abstract string StagingType { get; }

    /// <summary>Writes row <paramref name="row"/> (its value is not null).</summary>
    public abstract void Write(NpgsqlBinaryImporter importer, in ColumnView column, int row);

    /// <summary>The writer for a SQL type, or null when the sink cannot write it.</summary>
    public static JdbcFieldWriter? For(SqlType type) => type.Kind switch
    {
        SqlTypeKind.Boolean => new BooleanWriter(),
        SqlTypeKind.TinyInt or SqlTypeKind.SmallInt => new SmallIntWriter(),
        SqlTypeKind.Int => new IntWriter(),
        SqlTypeKind.BigInt => new BigIntWriter(),
        SqlTypeKind.Float => new RealWriter(),
        SqlTypeKind.Double => new DoubleWriter(),
        SqlTypeKind.Decimal => new NumericWriter(type.Precision, type.Scale),
        SqlTypeKind.Char or SqlTypeKind.VarChar => new TextWriter(),
        SqlTypeKind.Binary or SqlTypeKind.VarBinary => new ByteaWriter(),
        SqlTypeKind.Date => new DateWriter(),
        SqlTypeKind.Time => new TimeWriter(),
        SqlTypeKind.Timestamp => new TimestampWriter(nanos: type.Precision > 6, utc: false),
        SqlTypeKind.TimestampLtz => new TimestampWriter(nanos: type.Precision > 6, utc: true),
        SqlTypeKind.IntervalDayTime => new DayTimeIntervalWriter(),
        SqlTypeKind.IntervalYearMonth => new YearMonthIntervalWriter(),
        SqlTypeKind.Array => JdbcArrayWriter.For(type.Elements![0]),
        _ => null,
    };

    private sealed class BooleanWriter : JdbcFieldWriter
    {
        public override string StagingType => "boolean";
        public override void Write(NpgsqlBinaryImporter importer, in ColumnView column, int row) =>
            importer.Write(column.GetBoolean(row), NpgsqlDbType.Boolean);
    }

    private sealed class SmallIntWriter : JdbcFieldWriter
    {
        public override string StagingType => "smallint";
        public override void Write(NpgsqlBinaryImporter importer, in ColumnView column, int row) =>
            importer.Write((short)column.GetInt64(row), NpgsqlDbType.Smallint);
    }

    private sealed class IntWriter : JdbcFieldWriter
    {
        public override string StagingType => "integer";
        public override void Write(NpgsqlBinaryImporter importer, in ColumnView column, int row) =>
            importer.Write(column.Values<int>()[row], NpgsqlDbType.Integer);
    }

    private sealed class BigIntWriter : JdbcFieldWriter
    {
        public override string StagingType => "bigint";
        public override void Write(NpgsqlBinaryImporter importer, in ColumnView column, int row) =>
            importer.Write(column.Values<long>()[row], NpgsqlDbType.Bigint);
    }

    private sealed class RealWriter : JdbcFieldWriter
    {
        public override string StagingType => "real";
        public override void Write(NpgsqlBinaryImporter importer, in ColumnView column, int row) =>
            importer.Write(column.Values<float>()[row], NpgsqlDbType.Real);
    }

    private sealed class DoubleWriter : JdbcFieldWriter
    {
        public override string StagingType => "double precision";
        public override void Write(NpgsqlBinaryImporter importer, in ColumnView column, int row) =>
            importer.Write(column.Values<double>()[row], NpgsqlDbType.Double);
    }

    /// <summary>DECIMAL(p ≤ 28) as numeric through System.Decimal; wider ones as their exact text (cast to the target's numeric
    /// by the statement that moves the rows), so all 38 digits arrive.</summary>
    private sealed class NumericWriter(int precision, int scale) : JdbcFieldWriter
    {
        public override string StagingType => precision <= 28 ? "numeric" : "text";

        public override void Write(NpgsqlBinaryImporter importer, in ColumnView column, int row)
        {
            var unscaled = column.GetUnscaled(row);
            if (precision <= 28)
            {
                var bits = (UInt128)(unscaled < 0 ? -unscaled : unscaled);
                importer.Write(new decimal((int)(uint)bits, (int)(uint)(bits >> 32), (int)(uint)(bits >> 64), unscaled < 0, (byte)scale),
                    NpgsqlDbType.Numeric);
                return;
            }
            var digits = (unscaled < 0 ? -unscaled : unscaled).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(scale + 1, '0');
            var text = scale == 0 ? digits : digits[..^scale] + "." + digits[^scale..];
            importer.Write(unscaled < 0 ? "-" + text : text, NpgsqlDbType.Text);
        }
    }

    private sealed class TextWriter : JdbcFieldWriter
    {
        public override string StagingType => "text";
        public override void Write(NpgsqlBinaryImporter importer, in ColumnView column, int row) =>
            importer.Write(column.GetString(row), NpgsqlDbType.Text);
    }

    private sealed class ByteaWriter : JdbcFieldWriter
    {
        public override string StagingType => "bytea";
        public override void Write(NpgsqlBinaryImporter importer, in ColumnView column, int row)
        {
            var offsets = column.Offsets;
            int start = offsets[row], end = offsets[row + 1];
            importer.Write(column.Data.Buffers[2].Memory.Slice(start, end - start), NpgsqlDbType.Bytea);
        }
    }

    private sealed class DateWriter : JdbcFieldWriter
    {
        public override string StagingType => "date";
        public override void Write(NpgsqlBinaryImporter importer, in ColumnView column, int row) =>
            importer.Write(DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + column.Values<int>()[row]), NpgsqlDbType.Date);
    }

    private sealed class TimeWriter : JdbcFieldWriter
    {
        public override string StagingType => "time";
        public override void Write(NpgsqlBinaryImporter importer, in ColumnView column, int row) =>
            importer.Write(new TimeOnly(column.Values<int>()[row] * TimeSpan.TicksPerMillisecond), NpgsqlDbType.Time);
    }

    /// <summary>TIMESTAMP as timestamp, TIMESTAMP_LTZ as timestamptz (a UTC instant); PostgreSQL keeps microseconds, so
    /// nanoseconds of TIMESTAMP(7..9) are cut to them.</summary>
    private sealed class TimestampWriter(bool nanos, bool utc) : JdbcFieldWriter
    {
        public override string StagingType => utc ? "timestamptz" : "timestamp";

        public override void Write(NpgsqlBinaryImporter importer, in ColumnView column, int row)
        {
            long value = column.Values<long>()[row];
            long ticks = nanos ? Math.DivRem(value, 100L) is var (q, r) && r < 0 ? q - 1 : q : value * 10;
            var time = new DateTime(EpochTicks + ticks, utc ? DateTimeKind.Utc : DateTimeKind.Unspecified);
            importer.Write(time, utc ? NpgsqlDbType.TimestampTz : NpgsqlDbType.Timestamp);
        }
    }

    private sealed class DayTimeIntervalWriter : JdbcFieldWriter
    {
        public override string StagingType => "interval";
        public override void Write(NpgsqlBinaryImporter importer, in ColumnView column, int row) =>
            importer.Write(TimeSpan.FromMilliseconds(column.GetInt64(row)), NpgsqlDbType.Interval);
    }

    private sealed class YearMonthIntervalWriter : JdbcFieldWriter
    {
        public override string StagingType => "interval";
        public override void Write(NpgsqlBinaryImporter importer, in ColumnView column, int row) =>
            importer.Write(new NpgsqlInterval((int)column.GetInt64(row), 0, 0), NpgsqlDbType.Interval);
    }
}
