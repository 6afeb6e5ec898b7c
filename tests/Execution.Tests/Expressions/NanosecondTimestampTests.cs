using StreamSql.Execution.Expressions;
using StreamSql.Execution.Operators;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Tests.Expressions.ExpressionTestKit;

namespace StreamSql.Execution.Tests.Expressions;

/// <summary>TIMESTAMP(7..9) and TIMESTAMP_LTZ(7..9) keep nanoseconds through every kernel, as Flink's TimestampData does.</summary>
public sealed class NanosecondTimestampTests
{
    private static readonly TimeZoneInfo Plus2 = TimeZoneInfo.CreateCustomTimeZone("p2", TimeSpan.FromHours(2), "p2", "p2");

    [Fact]
    public void Casts_from_text_keep_nine_digits_and_changes_of_precision_truncate()
    {
        var k = new ExpressionTestKit();
        var text = k.Strings("2021-04-13 20:12:11.123456789", "1969-12-31 23:59:59.999999999", "2021-04-13T20:12:11.5");
        var ts9 = Cast(text, SqlType.Timestamp(9));
        Assert.Equal(new[] { "2021-04-13 20:12:11.123456789", "1969-12-31 23:59:59.999999999", "2021-04-13 20:12:11.500000000" }, k.Eval(ts9));
        Assert.Equal(new[] { "2021-04-13 20:12:11.1234567", "1969-12-31 23:59:59.9999999", "2021-04-13 20:12:11.5000000" }, k.Eval(Cast(ts9, SqlType.Timestamp(7))));
        Assert.Equal(new[] { "2021-04-13 20:12:11.123456", "1969-12-31 23:59:59.999999", "2021-04-13 20:12:11.500000" }, k.Eval(Cast(ts9, SqlType.Timestamp(6))));
        Assert.Equal(new[] { "2021-04-13 20:12:11.123", "1969-12-31 23:59:59.999", "2021-04-13 20:12:11.500" }, k.Eval(Cast(ts9, SqlType.Timestamp(3))));
        // Widening back adds zeros; nothing is invented.
        Assert.Equal("2021-04-13 20:12:11.123000000", k.Eval(Cast(Cast(ts9, SqlType.Timestamp(3)), SqlType.Timestamp(9)))[0]);
        Assert.Equal(new[] { "2021-04-13 20:12:11.123456789", "1969-12-31 23:59:59.999999999", "2021-04-13 20:12:11.500000000" }, k.Eval(Cast(ts9, SqlType.String)));
    }

    [Fact]
    public void Timestamp_and_ltz_of_precision_9_convert_through_the_session_zone()
    {
        var k = new ExpressionTestKit { Context = new EvaluationContext(Plus2, SystemClock.Instance) };
        var ts9 = k.Timestamps(9, "2021-04-13 20:12:11.123456789");
        var ltz9 = Cast(ts9, SqlType.TimestampLtz(9));
        Assert.Equal("2021-04-13 20:12:11.123456789", k.EvalOne(ltz9));                       // shown in the session zone
        Assert.Equal("2021-04-13T18:12:11.123456789Z", Java(k, ltz9));                         // the instant, in UTC
        Assert.Equal("2021-04-13 20:12:11.123456789", k.EvalOne(Cast(ltz9, SqlType.Timestamp(9))));
        Assert.Equal("2021-04-13 20:12:11.123", k.EvalOne(Cast(ltz9, SqlType.TimestampLtz(3))));
        Assert.Equal("2021-04-13", k.EvalOne(Cast(ltz9, SqlType.Date)));
        Assert.Equal("20:12:11", k.EvalOne(Cast(ltz9, SqlType.Time(0))));
    }

    [Fact]
    public void Comparisons_across_precisions_see_the_nanoseconds()
    {
        var k = new ExpressionTestKit();
        var ts9 = k.Timestamps(9, "2021-04-13 20:12:11.123456789", "2021-04-13 20:12:11.123000000");
        var ts3 = k.Timestamps(3, "2021-04-13 20:12:11.123", "2021-04-13 20:12:11.123");
        Assert.Equal(new[] { "TRUE", "FALSE" }, k.Eval(Fn(">", ts9, ts3)));
        Assert.Equal(new[] { "FALSE", "TRUE" }, k.Eval(Fn("=", ts3, ts9)));
        var literal = Cast(Lit("2021-04-13 20:12:11.123456788"), SqlType.Timestamp(9).AsNotNull());
        Assert.Equal(new[] { "TRUE", "FALSE" }, k.Eval(Fn(">", ts9, literal)));
        Assert.Equal(new[] { "2021-04-13 20:12:11.123456789", "2021-04-13 20:12:11.123000000" }, k.Eval(Fn("GREATEST", ts3, ts9)));
    }

    [Fact]
    public void Interval_arithmetic_and_time_functions_keep_the_nanoseconds()
    {
        var k = new ExpressionTestKit();
        var ts = k.Timestamps(9, "2024-01-31 10:30:00.123456789");
        var second = Lit(1000L, SqlType.IntervalDayTime.AsNotNull());
        var month = Lit(1, SqlType.IntervalYearMonth.AsNotNull());
        Assert.Equal("2024-01-31 10:30:01.123456789", k.EvalOne(Fn("+", ts, second)));
        Assert.Equal("2024-02-29 10:30:00.123456789", k.EvalOne(Fn("+", ts, month)));
        Assert.Equal("2023-12-31 10:30:00.123456789", k.EvalOne(Fn("-", ts, month)));
        Assert.Equal("2024-01-31 10:30:00.123457789", k.EvalOne(Fn("TIMESTAMPADD", Unit("MICROSECOND"), Lit(1), ts)));
        Assert.Equal("2024-04-30 10:30:00.123456789", k.EvalOne(Fn("TIMESTAMPADD", Unit("QUARTER"), Lit(1), ts)));
        Assert.Equal("2024-01-31 10:30:00.000000000", k.EvalOne(Fn("FLOOR", ts, Unit("SECOND"))));
        Assert.Equal("2024-01-31 10:30:01.000000000", k.EvalOne(Fn("CEIL", ts, Unit("SECOND"))));
        Assert.Equal("2024-02-01 00:00:00.000000000", k.EvalOne(Fn("CEIL", ts, Unit("MONTH"))));
        Assert.Equal("30", k.EvalOne(Fn("MINUTE", ts)));
        Assert.Equal("2024-01-31 10:30:00.123456789", k.EvalOne(Fn("DATE_FORMAT", ts, Lit("yyyy-MM-dd HH:mm:ss.SSSSSSSSS"))));
        Assert.Equal("10:30:00.1234", k.EvalOne(Fn("DATE_FORMAT", ts, Lit("HH:mm:ss.SSSS"))));

        var later = k.Timestamps(9, "2024-01-31 10:30:00.123457788");
        Assert.Equal("0", k.EvalOne(Fn("TIMESTAMPDIFF", Unit("MICROSECOND"), ts, later)));  // 999 ns: not yet a whole µs
        Assert.Equal("1", k.EvalOne(Fn("TIMESTAMPDIFF", Unit("MICROSECOND"), ts, k.Timestamps(9, "2024-01-31 10:30:00.123457789"))));
    }

    [Fact]
    public void A_ceiling_of_a_value_a_nanosecond_past_a_whole_second_moves_up()
    {
        var k = new ExpressionTestKit();
        var ts = k.Timestamps(9, "2024-01-31 10:30:00.000000001", "2024-01-31 10:30:00");
        Assert.Equal(new[] { "2024-01-31 10:30:01.000000000", "2024-01-31 10:30:00.000000000" }, k.Eval(Fn("CEIL", ts, Unit("SECOND"))));
    }

    [Fact]
    public void Values_outside_the_nanosecond_range_are_a_clear_cast_error_or_null_with_try_cast()
    {
        var k = new ExpressionTestKit();
        var text = k.Strings("1500-01-01 00:00:00", "2262-04-11 23:47:16.854775807", "2262-04-11 23:47:16.854775808");
        var error = Assert.Throws<ExpressionEvaluationException>(() => k.Eval(Cast(text, SqlType.Timestamp(9))));
        Assert.Contains("1677-09-21 00:12:43.145224192 to 2262-04-11 23:47:16.854775807", error.Message);
        Assert.Contains("'1500-01-01 00:00:00'", error.Message);
        Assert.Equal(new[] { null, "2262-04-11 23:47:16.854775807", null }, k.Eval(Cast(text, SqlType.Timestamp(9), tryCast: true)));
        var old = new ExpressionTestKit();
        var ts6 = old.Timestamps(6, "1500-01-01 00:00:00.123456");
        Assert.Equal("1500-01-01 00:00:00.123456", old.EvalOne(ts6));     // microsecond precisions keep years 0001-9999
        Assert.Throws<ExpressionEvaluationException>(() => old.Eval(Cast(ts6, SqlType.Timestamp(9))));
    }

    [Fact]
    public void Literals_of_nine_digits_fold_with_their_nanoseconds()
    {
        var literal = ConstantEvaluator.Instance.TryEvaluate(Cast(Lit("2021-04-13 20:12:11.123456789"), SqlType.Timestamp(9).AsNotNull()));
        Assert.NotNull(literal);
        Assert.Equal(SqlType.Timestamp(9).AsNotNull(), literal!.Type);
        // 2021-04-13 20:12:11 UTC = 1618344731 s since the epoch.
        Assert.Equal(1_618_344_731_123_456_789L, literal.Value);
        Assert.Equal("2021-04-13 20:12:11.123456789", new ExpressionTestKit().EvalOne(literal));
    }

    private static string Java(ExpressionTestKit k, Sql.Planner.Expressions.ScalarExpr e) =>
        Execution.Types.ValueFormatter.Format(k.Evaluate(e), 0, e.Type, k.Context.TimeZone, Execution.Types.ValueFormatStyle.JavaObject);
}
