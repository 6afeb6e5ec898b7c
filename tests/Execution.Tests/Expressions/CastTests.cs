using StreamSql.Execution.Expressions;
using StreamSql.Execution.Operators;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Tests.Expressions.ExpressionTestKit;

namespace StreamSql.Execution.Tests.Expressions;

public sealed class CastTests
{
    [Fact]
    public void String_to_int_failure_throws_for_cast_and_is_null_for_try_cast()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings(" 42 ", "-7", "1.9", "abc", null, "99999999999");
        var e = Assert.Throws<ExpressionEvaluationException>(() => k.Eval(Cast(s, SqlType.Int)));
        Assert.Contains("'abc'", e.Message);
        Assert.Equal(new[] { "42", "-7", "1", null, null, null }, k.Eval(Cast(s, SqlType.Int, tryCast: true)));
    }

    [Fact]
    public void String_to_boolean_decimal_double()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("true", "1.005", "1e3", "NO");
        Assert.Equal(new[] { "TRUE", null, null, "FALSE" }, k.Eval(Cast(s, SqlType.Boolean, tryCast: true)));
        Assert.Equal(new[] { null, "1.01", "1000.00", null }, k.Eval(Cast(s, SqlType.Decimal(10, 2), tryCast: true)));
        Assert.Equal(new[] { null, "1.005", "1000.0", null }, k.Eval(Cast(s, SqlType.Double, tryCast: true)));
    }

    [Fact]
    public void String_to_temporal_types()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("2024-01-02 03:04:05.123456", "2024-01-02", "2024-13-01", "2024-01-02T03:04:05");
        Assert.Equal(new[] { "2024-01-02 03:04:05.123", "2024-01-02 00:00:00.000", null, "2024-01-02 03:04:05.000" }, k.Eval(Cast(s, SqlType.Timestamp(3), tryCast: true)));
        Assert.Equal(new[] { "2024-01-02", "2024-01-02", null, "2024-01-02" }, k.Eval(Cast(s, SqlType.Date, tryCast: true)));
        var t = new ExpressionTestKit();
        Assert.Equal("12:34:56", t.EvalOne(Cast(Lit("12:34:56"), SqlType.Time(0))));
    }

    [Fact]
    public void Time_column_to_a_smaller_precision_truncates()
    {
        // A TIME(3) column into a TIME sink column (LAST_VALUE of TIME '12:34:56.123'): was "CAST from TIME(3) to TIME(0) is not supported".
        var k = new ExpressionTestKit();
        var times = k.Column("t", SqlType.Time(3), new Apache.Arrow.Int32Array.Builder().Append(45_296_123).AppendNull().Append(1).Build());
        Assert.Equal(new[] { "12:34:56", null, "00:00:00" }, k.Eval(Cast(times, SqlType.Time(0))));
        Assert.Equal(new[] { "12:34:56.1", null, "00:00:00.0" }, k.Eval(Cast(times, SqlType.Time(1))));
    }

    [Fact]
    public void Numeric_narrowing_and_rounding_like_java()
    {
        var k = new ExpressionTestKit();
        var d = k.Doubles(1.9, -1.9, 3e10, double.NaN);
        Assert.Equal(new[] { "1", "-1", "2147483647", "0" }, k.Eval(Cast(d, SqlType.Int)));
        var l = new ExpressionTestKit();
        var big = l.Longs(4_294_967_297L, 300);
        Assert.Equal(new[] { "1", "300" }, l.Eval(Cast(big, SqlType.Int)));
        Assert.Equal(new[] { "1", "44" }, l.Eval(Cast(big, SqlType.TinyInt)));
        var m = new ExpressionTestKit();
        var dec = m.Decimals(10, 4, 1.2345m, -1.2355m, 12345.678m);
        Assert.Equal(new[] { "1.23", "-1.24", null }, m.Eval(Cast(dec, SqlType.Decimal(5, 2))));
        Assert.Equal(new[] { "1", "-1", "12345" }, m.Eval(Cast(dec, SqlType.BigInt)));
    }

    [Fact]
    public void To_string_uses_flink_text_forms()
    {
        var k = new ExpressionTestKit();
        var b = k.Bools(true, null);
        Assert.Equal(new[] { "TRUE", null }, k.Eval(Cast(b, SqlType.String)));
        var d = new ExpressionTestKit();
        Assert.Equal(new[] { "1.0E-5", "100.0" }, d.Eval(Cast(d.Doubles(1e-5, 100), SqlType.String)));
        var c = new ExpressionTestKit();
        var text = c.Strings("abcdef", "ab");
        Assert.Equal(new[] { "abc", "ab " }, c.Eval(Cast(text, SqlType.Char(3))));
        Assert.Equal(new[] { "abc", "ab" }, c.Eval(Cast(text, SqlType.VarChar(3))));
    }

    [Fact]
    public void Timestamp_and_ltz_convert_through_the_session_zone()
    {
        var k = new ExpressionTestKit
        {
            Context = new EvaluationContext(TimeZoneInfo.CreateCustomTimeZone("p2", TimeSpan.FromHours(2), "p2", "p2"), SystemClock.Instance),
        };
        var ltz = k.TimestampsLtz(3, "2024-01-01 22:30:00");
        Assert.Equal("2024-01-02 00:30:00.000", k.EvalOne(Cast(ltz, SqlType.Timestamp(3))));
        Assert.Equal("2024-01-02", k.EvalOne(Cast(ltz, SqlType.Date)));
        Assert.Equal("2024-01-02 00:30:00.000", k.EvalOne(Cast(ltz, SqlType.String)));
        var t = new ExpressionTestKit { Context = k.Context };
        var ts = t.Timestamps(6, "2024-01-01 10:00:00.123456");
        Assert.Equal("2024-01-01 10:00:00.123", t.EvalOne(Cast(Cast(ts, SqlType.TimestampLtz(3)), SqlType.String)));
        Assert.Equal("2024-01-01 10:00:00", t.EvalOne(Cast(ts, SqlType.Timestamp(0))));
        Assert.Equal("10:00:00", t.EvalOne(Cast(ts, SqlType.Time(0))));
    }
}
