using System.Numerics;
using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Columns;

public sealed class ColumnKindsTests
{
    public static TheoryData<SqlType, ColumnKind> SqlTypes => new()
    {
        { SqlType.Null, ColumnKind.Null },
        { SqlType.Boolean, ColumnKind.Boolean },
        { SqlType.TinyInt, ColumnKind.Int8 },
        { SqlType.SmallInt, ColumnKind.Int16 },
        { SqlType.Int, ColumnKind.Int32 },
        { SqlType.IntervalYearMonth, ColumnKind.Int32 },
        { SqlType.BigInt, ColumnKind.Int64 },
        { SqlType.Float, ColumnKind.Float32 },
        { SqlType.Double, ColumnKind.Float64 },
        { SqlType.Decimal(38, 10), ColumnKind.Decimal128 },
        { SqlType.Date, ColumnKind.Date32 },
        { SqlType.Time(3), ColumnKind.Time32Millis },
        { SqlType.Timestamp(3), ColumnKind.TimestampMicros },
        { SqlType.Timestamp(6), ColumnKind.TimestampMicros },
        { SqlType.TimestampLtz(7), ColumnKind.TimestampNanos },
        { SqlType.Timestamp(9), ColumnKind.TimestampNanos },
        { SqlType.IntervalDayTime, ColumnKind.DurationMillis },
        { SqlType.String, ColumnKind.Utf8 },
        { SqlType.Char(3), ColumnKind.Utf8 },
        { SqlType.Bytes, ColumnKind.Binary },
        { SqlType.Row(["a"], [SqlType.Int]), ColumnKind.Struct },
        { SqlType.Array(SqlType.Int), ColumnKind.List },
        { SqlType.Map(SqlType.String, SqlType.Int), ColumnKind.Map },
    };

    [Theory]
    [MemberData(nameof(SqlTypes))]
    public void Every_sql_type_has_the_kind_of_its_arrow_layout(SqlType type, ColumnKind kind)
    {
        Assert.Equal(kind, ColumnKinds.Of(type));
        Assert.Equal(kind, ColumnKinds.Of(ArrowTypeMapping.ToArrow(type)));
    }

    [Fact]
    public void Arrow_layouts_the_runtime_never_builds_are_refused_by_name()
    {
        var error = Assert.Throws<NotSupportedException>(() => ColumnKinds.Of(Apache.Arrow.Types.UInt32Type.Default));
        Assert.Contains("uint32", error.Message);
        Assert.Throws<NotSupportedException>(() => ColumnKinds.Of(new Apache.Arrow.Types.Time64Type(Apache.Arrow.Types.TimeUnit.Nanosecond)));
    }

    /// <summary>The shape of a consumer (an accumulator, say): one generic method per storage family, no type switch.</summary>
    private readonly struct SumOfValid(ColumnView column) : IColumnVisitor<double>
    {
        public double Integer<T>(ColumnKind kind) where T : unmanaged, IBinaryInteger<T>, ISignedNumber<T> => Sum(column.Values<T>());
        public double Floating<T>() where T : unmanaged, IFloatingPointIeee754<T> => Sum(column.Values<T>());
        public double Decimal() => Sum(column.Values<Int128>());
        public double Null() => 0;
        public double Boolean() => throw new NotSupportedException();
        public double Bytes(bool utf8) => throw new NotSupportedException();
        public double Struct() => throw new NotSupportedException();
        public double List() => throw new NotSupportedException();

        private double Sum<T>(ReadOnlySpan<T> values) where T : INumberBase<T>
        {
            var validity = column.Validity;
            double sum = 0;
            for (int i = 0; i < values.Length; i++) if (validity.IsValid(i)) sum += double.CreateTruncating(values[i]);
            return sum;
        }
    }

    [Theory]
    [InlineData("int8", -2.0)]          // -1 + 127 + (null) + -128
    [InlineData("int64 sliced", 2.0)]   // (null) + 5 + -3
    [InlineData("date32", 19_723.0)]    // 19723 + (null) + 0
    [InlineData("null", 0.0)]
    public void A_generic_visitor_reads_every_integer_width_and_skips_nulls(string name, double expected)
    {
        var column = new ColumnView(PinnedColumns.All().Single(c => c.Name == name).Column);
        Assert.Equal(expected, ColumnKinds.Accept<SumOfValid, double>(column.Kind, new SumOfValid(column)));
    }
}
