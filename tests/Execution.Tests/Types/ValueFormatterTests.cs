using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Types;
using Field = StreamSql.Sql.Planner.Types.Field;

namespace StreamSql.Execution.Tests.Types;

public sealed class ValueFormatterTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

    private static long Micros(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int micro = 0) =>
        (new DateTime(y, mo, d, h, mi, s, DateTimeKind.Utc) - DateTime.UnixEpoch).Ticks / 10 + micro;

    private static TimestampArray Timestamps(string? zone, params long?[] values)
    {
        var b = new TimestampArray.Builder(new TimestampType(TimeUnit.Microsecond, zone));
        foreach (var v in values)
            if (v is null) b.AppendNull(); else b.Append(DateTimeOffset.UnixEpoch.AddTicks(v.Value * 10));
        return b.Build();
    }

    /// <summary>A TIMESTAMP(7..9) column: nanoseconds since the epoch.</summary>
    private static TimestampArray NanoTimestamps(string? zone, params long[] values)
    {
        var data = new ArrayData(new TimestampType(TimeUnit.Nanosecond, zone), values.Length, 0, 0,
            new[] { ArrowBuffer.Empty, new ArrowBuffer(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray()) });
        return new TimestampArray(data);
    }

    [Theory]
    [InlineData(3, 123456, "2024-01-01 12:00:00.123")]
    [InlineData(0, 123456, "2024-01-01 12:00:00")]
    [InlineData(6, 120, "2024-01-01 12:00:00.000120")]
    [InlineData(3, 0, "2024-01-01 12:00:00.000")]
    public void Timestamp_has_exactly_p_fraction_digits(int precision, int micro, string expected)
    {
        var array = Timestamps(null, Micros(2024, 1, 1, 12, 0, 0, micro));
        Assert.Equal(expected, ValueFormatter.Format(array, 0, SqlType.Timestamp(precision), Utc));
    }

    [Theory]
    [InlineData(9, 123456, 789, "2024-01-01 12:00:00.123456789", "2024-01-01T12:00:00.123456789")]
    [InlineData(9, 1, 0, "2024-01-01 12:00:00.000001000", "2024-01-01T12:00:00.000001")]
    [InlineData(7, 123456, 789, "2024-01-01 12:00:00.1234567", "2024-01-01T12:00:00.123456789")] // the column keeps what it was given
    [InlineData(8, 120000, 0, "2024-01-01 12:00:00.12000000", "2024-01-01T12:00:00.120")]
    [InlineData(9, 0, 5, "2024-01-01 12:00:00.000000005", "2024-01-01T12:00:00.000000005")]
    public void Nanosecond_timestamps_print_every_digit(int precision, int micro, int nanos, string sql, string java)
    {
        var array = NanoTimestamps(null, Micros(2024, 1, 1, 12, 0, 0, micro) * 1000 + nanos);
        Assert.Equal(sql, ValueFormatter.Format(array, 0, SqlType.Timestamp(precision), Utc));
        Assert.Equal(java, ValueFormatter.Format(array, 0, SqlType.Timestamp(precision), Utc, ValueFormatStyle.JavaObject));
        var ltz = NanoTimestamps("UTC", Micros(2024, 1, 1, 12, 0, 0, micro) * 1000 + nanos);
        Assert.Equal(sql.Replace("12:00", "13:00"), ValueFormatter.Format(ltz, 0, SqlType.TimestampLtz(precision), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")));
        Assert.Equal(java + "Z", ValueFormatter.Format(ltz, 0, SqlType.TimestampLtz(precision), Utc, ValueFormatStyle.JavaObject));
    }

    [Fact]
    public void Nanosecond_timestamps_before_1970_keep_their_digits()
    {
        var array = NanoTimestamps(null, -1); // one nanosecond before the epoch
        Assert.Equal("1969-12-31 23:59:59.999999999", ValueFormatter.Format(array, 0, SqlType.Timestamp(9), Utc));
        Assert.Equal("1969-12-31T23:59:59.999999999", ValueFormatter.Format(array, 0, SqlType.Timestamp(9), Utc, ValueFormatStyle.JavaObject));
    }

    [Fact]
    public void Timestamp_before_epoch()
    {
        var array = Timestamps(null, Micros(1969, 12, 31, 23, 59, 59, 500_000));
        Assert.Equal("1969-12-31 23:59:59.500", ValueFormatter.Format(array, 0, SqlType.Timestamp(3), Utc));
    }

    [Fact]
    public void Timestamp_ltz_is_shown_in_the_session_zone()
    {
        var array = Timestamps("UTC", Micros(2024, 1, 1, 12, 0, 0));
        var zone = TimeZoneInfo.CreateCustomTimeZone("plus8", TimeSpan.FromHours(8), "plus8", "plus8");
        Assert.Equal("2024-01-01 20:00:00.000", ValueFormatter.Format(array, 0, SqlType.TimestampLtz(3), zone));
        Assert.Equal("2024-01-01T12:00:00Z", ValueFormatter.Format(array, 0, SqlType.TimestampLtz(3), zone, ValueFormatStyle.JavaObject));
    }

    [Fact]
    public void Booleans_and_nulls()
    {
        var array = new BooleanArray.Builder().Append(true).Append(false).AppendNull().Build();
        Assert.Equal("TRUE", ValueFormatter.Format(array, 0, SqlType.Boolean, Utc));
        Assert.Equal("FALSE", ValueFormatter.Format(array, 1, SqlType.Boolean, Utc));
        Assert.Equal("NULL", ValueFormatter.Format(array, 2, SqlType.Boolean, Utc));
        Assert.Equal("true", ValueFormatter.Format(array, 0, SqlType.Boolean, Utc, ValueFormatStyle.JavaObject));
        Assert.Equal("null", ValueFormatter.Format(array, 2, SqlType.Boolean, Utc, ValueFormatStyle.JavaObject));
    }

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(1.5e10, "1.5E10")]
    [InlineData(1.0e-5, "1.0E-5")]
    [InlineData(123.456, "123.456")]
    [InlineData(0.001, "0.001")]
    [InlineData(9999999.0, "9999999.0")]
    [InlineData(10000000.0, "1.0E7")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    [InlineData(0.0, "0.0")]
    [InlineData(1e100, "1.0E100")]
    [InlineData(1.2345e-7, "1.2345E-7")]
    public void Doubles_print_like_java(double value, string expected)
    {
        var array = new DoubleArray.Builder().Append(value).Build();
        Assert.Equal(expected, ValueFormatter.Format(array, 0, SqlType.Double, Utc));
    }

    [Fact]
    public void Floats_print_like_java_float_to_string()
    {
        var array = new FloatArray.Builder().Append(1.1f).Append(3.0f).Append(1e10f).Build();
        Assert.Equal("1.1", ValueFormatter.Format(array, 0, SqlType.Float, Utc));
        Assert.Equal("3.0", ValueFormatter.Format(array, 1, SqlType.Float, Utc));
        Assert.Equal("1.0E10", ValueFormatter.Format(array, 2, SqlType.Float, Utc));
    }

    [Fact]
    public void Decimal_has_exactly_its_scale()
    {
        var array = new Decimal128Array.Builder(new Decimal128Type(10, 2)).Append(1.5m).Append(-0.05m).Append(0m).Build();
        var type = SqlType.Decimal(10, 2);
        Assert.Equal("1.50", ValueFormatter.Format(array, 0, type, Utc));
        Assert.Equal("-0.05", ValueFormatter.Format(array, 1, type, Utc));
        Assert.Equal("0.00", ValueFormatter.Format(array, 2, type, Utc));
    }

    [Fact]
    public void Decimal_of_38_digits()
    {
        var array = new Decimal128Array.Builder(new Decimal128Type(38, 0)).Append(System.Data.SqlTypes.SqlDecimal.Parse("99999999999999999999999999999999999999")).Build();
        Assert.Equal("99999999999999999999999999999999999999", ValueFormatter.Format(array, 0, SqlType.Decimal(38, 0), Utc));
    }

    [Fact]
    public void Date_time_and_intervals()
    {
        var dates = new Date32Array.Builder().Append(new DateTime(2024, 1, 1)).Build();
        Assert.Equal("2024-01-01", ValueFormatter.Format(dates, 0, SqlType.Date, Utc));
        var times = new Time32Array.Builder(TimeUnit.Millisecond).Append(12 * 3600_000 + 5).Build();
        Assert.Equal("12:00:00", ValueFormatter.Format(times, 0, SqlType.Time(0), Utc));
        Assert.Equal("12:00:00.005", ValueFormatter.Format(times, 0, SqlType.Time(3), Utc));
        Assert.Equal("12:00:00.005", ValueFormatter.Format(times, 0, SqlType.Time(3), Utc, ValueFormatStyle.JavaObject));
        var durations = new DurationArray.Builder(DurationType.Millisecond).Append(TimeSpan.FromMilliseconds(93_784_005)).Build();
        Assert.Equal("+1 02:03:04.005", ValueFormatter.Format(durations, 0, SqlType.IntervalDayTime, Utc));
        Assert.Equal("PT26H3M4.005S", ValueFormatter.Format(durations, 0, SqlType.IntervalDayTime, Utc, ValueFormatStyle.JavaObject));
        var months = new Int32Array.Builder().Append(14).Build();
        Assert.Equal("+1-02", ValueFormatter.Format(months, 0, SqlType.IntervalYearMonth, Utc));
        Assert.Equal("P1Y2M", ValueFormatter.Format(months, 0, SqlType.IntervalYearMonth, Utc, ValueFormatStyle.JavaObject));
    }

    [Fact]
    public void Java_object_style_timestamps_omit_zero_seconds()
    {
        var array = Timestamps(null, Micros(2024, 1, 1, 12, 0, 0), Micros(2024, 1, 1, 12, 0, 5, 123_000), Micros(2024, 1, 1, 12, 0, 0, 1));
        Assert.Equal("2024-01-01T12:00", ValueFormatter.Format(array, 0, SqlType.Timestamp(3), Utc, ValueFormatStyle.JavaObject));
        Assert.Equal("2024-01-01T12:00:05.123", ValueFormatter.Format(array, 1, SqlType.Timestamp(3), Utc, ValueFormatStyle.JavaObject));
        Assert.Equal("2024-01-01T12:00:00.000001", ValueFormatter.Format(array, 2, SqlType.Timestamp(6), Utc, ValueFormatStyle.JavaObject));
    }

    [Fact]
    public void Bytes_per_style()
    {
        var array = new BinaryArray.Builder().Append("hi"u8.ToArray().AsSpan()).Append(new byte[] { 0xff, 0x01 }.AsSpan()).Build();
        Assert.Equal("hi", ValueFormatter.Format(array, 0, SqlType.Bytes, Utc));
        Assert.Equal("x'ff01'", ValueFormatter.Format(array, 1, SqlType.Bytes, Utc, ValueFormatStyle.Printing));
        Assert.Equal("[-1, 1]", ValueFormatter.Format(array, 1, SqlType.Bytes, Utc, ValueFormatStyle.JavaObject));
    }

    [Fact]
    public void Arrays_maps_and_rows()
    {
        var listBuilder = new ListArray.Builder(Int32Type.Default);
        var values = (Int32Array.Builder)listBuilder.ValueBuilder;
        listBuilder.Append(); values.Append(1); values.AppendNull(); values.Append(2);
        var list = listBuilder.Build();
        Assert.Equal("[1, NULL, 2]", ValueFormatter.Format(list, 0, SqlType.Array(SqlType.Int), Utc));
        Assert.Equal("[1, null, 2]", ValueFormatter.Format(list, 0, SqlType.Array(SqlType.Int), Utc, ValueFormatStyle.JavaObject));

        var rowType = SqlType.Row(new[] { "a", "b" }, new[] { SqlType.Int, SqlType.String });
        var structType = (StructType)ArrowTypeMapping.ToArrow(rowType);
        var ints = new Int32Array.Builder().Append(1).Build();
        var strings = new StringArray.Builder().Append("abc").Build();
        var row = new StructArray(structType, 1, new IArrowArray[] { ints, strings }, ArrowBuffer.Empty, 0);
        Assert.Equal("(1, abc)", ValueFormatter.Format(row, 0, rowType, Utc));
        Assert.Equal("+I[1, abc]", ValueFormatter.Format(row, 0, rowType, Utc, ValueFormatStyle.JavaObject));

        var mapType = SqlType.Map(SqlType.String, SqlType.Int);
        var mapBuilder = new MapArray.Builder((MapType)ArrowTypeMapping.ToArrow(mapType));
        mapBuilder.Append();
        ((StringArray.Builder)mapBuilder.KeyBuilder).Append("a");
        ((Int32Array.Builder)mapBuilder.ValueBuilder).Append(1);
        ((StringArray.Builder)mapBuilder.KeyBuilder).Append("b");
        ((Int32Array.Builder)mapBuilder.ValueBuilder).Append(2);
        var map = mapBuilder.Build();
        Assert.Equal("{a=1, b=2}", ValueFormatter.Format(map, 0, mapType, Utc));
    }

    private static MapArray IntStringMap(params (int Key, string Value)[] entries)
    {
        var builder = new MapArray.Builder((MapType)ArrowTypeMapping.ToArrow(SqlType.Map(SqlType.Int, SqlType.String)));
        builder.Append();
        foreach (var (key, value) in entries)
        {
            ((Int32Array.Builder)builder.KeyBuilder).Append(key);
            ((StringArray.Builder)builder.ValueBuilder).Append(value);
        }
        return builder.Build();
    }

    [Fact]
    public void The_print_connector_lists_a_maps_entries_as_the_java_hash_map_flink_converts_it_to()
    {
        var type = SqlType.Map(SqlType.Int, SqlType.String);
        // Integer.hashCode is the value: 16 buckets, 16 and 0 share bucket 0 (insertion order), 17 is in 1, 3 in 3, 100 in 4.
        var small = IntStringMap((100, "a"), (3, "b"), (17, "c"), (16, "d"), (0, "e"));
        Assert.Equal("{16=d, 0=e, 17=c, 3=b, 100=a}", ValueFormatter.Format(small, 0, type, Utc, ValueFormatStyle.JavaObject));
        Assert.Equal("{100=a, 3=b, 17=c, 16=d, 0=e}", ValueFormatter.Format(small, 0, type, Utc)); // CAST and the SQL client keep the map's order
        // 13 keys pass the 12 of 16 buckets' load factor: 32 buckets, and 16 moves after 0..11.
        var resized = IntStringMap([(16, "x"), .. Enumerable.Range(0, 12).Reverse().Select(k => (k, "v"))]);
        Assert.Equal("{0=v, 1=v, 2=v, 3=v, 4=v, 5=v, 6=v, 7=v, 8=v, 9=v, 10=v, 11=v, 16=x}",
            ValueFormatter.Format(resized, 0, type, Utc, ValueFormatStyle.JavaObject));

        var stringType = SqlType.Map(SqlType.String, SqlType.Int);
        var builder = new MapArray.Builder((MapType)ArrowTypeMapping.ToArrow(stringType));
        builder.Append();
        foreach (var (key, value) in new[] { ("alpha", 1), ("zeta", 2), ("Java", 3) })
        {
            ((StringArray.Builder)builder.KeyBuilder).Append(key);
            ((Int32Array.Builder)builder.ValueBuilder).Append(value);
        }
        // String.hashCode: "zeta" falls in bucket 0, "Java" in 1, "alpha" in 7.
        Assert.Equal("{zeta=2, Java=3, alpha=1}", ValueFormatter.Format(builder.Build(), 0, stringType, Utc, ValueFormatStyle.JavaObject));
    }

    [Fact]
    public void Format_column_keeps_nulls()
    {
        var array = new Int64Array.Builder().Append(5).AppendNull().Append(-7).Build();
        var text = ValueFormatter.FormatColumn(array, SqlType.BigInt, Utc);
        Assert.Equal(3, text.Length);
        Assert.Equal("5", text.GetString(0));
        Assert.True(text.IsNull(1));
        Assert.Equal("-7", text.GetString(2));
    }

    [Fact]
    public void Print_connector_row()
    {
        var schema = new RowSchema(new[] { new Field("id", SqlType.BigInt), new Field("ts", SqlType.Timestamp(3)), new Field("s", SqlType.String) });
        var batch = new RecordBatch(ArrowTypeMapping.ToArrowSchema(schema), new IArrowArray[]
        {
            new Int64Array.Builder().Append(1).Build(),
            Timestamps(null, Micros(2024, 1, 1, 12, 0, 0)),
            new StringArray.Builder().AppendNull().Build(),
        }, 1);
        Assert.Equal("+I[1, 2024-01-01T12:00, null]", ValueFormatter.FormatRow("+I", batch, 0, schema, Utc));
    }

    [Fact]
    public void A_row_of_a_sliced_struct_column_is_that_row_of_its_fields()
    {
        // StructArray.Fields are sliced with the struct: adding the struct's offset again read another row (or past the end).
        var ints = new Int32Array.Builder().AppendRange([10, 11, 12, 13]).Build();
        var texts = new StringArray.Builder().AppendRange(["a", "b", "c", "d"]).Build();
        var type = new StructType([new Apache.Arrow.Field("n", Int32Type.Default, true), new Apache.Arrow.Field("s", StringType.Default, true)]);
        var rows = new StructArray(type, 4, [ints, texts], ArrowBuffer.Empty, 0);
        var sliced = (StructArray)rows.Slice(2, 2);
        var rowType = SqlType.Row(["n", "s"], [SqlType.Int, SqlType.String]);

        Assert.Equal("(12, c)", ValueFormatter.Format(sliced, 0, rowType, Utc));
        Assert.Equal("(13, d)", ValueFormatter.Format(sliced, 1, rowType, Utc));
    }
}
