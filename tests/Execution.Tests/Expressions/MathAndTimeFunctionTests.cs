using StreamSql.Execution.Expressions;
using StreamSql.Execution.Operators;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Tests.Expressions.ExpressionTestKit;

namespace StreamSql.Execution.Tests.Expressions;

public sealed class MathAndTimeFunctionTests
{
    private sealed class FixedClock(long micros) : IClock
    {
        public long NowMicros() => micros;
        public long MonotonicMillis() => micros / 1000;
    }

    [Fact]
    public void Round_is_half_up_and_keeps_types()
    {
        var k = new ExpressionTestKit();
        var d = k.Doubles(2.5, -2.5, 1.005, 1234.5678);
        Assert.Equal(new[] { "3.0", "-3.0", "1.0", "1235.0" }, k.Eval(Fn("ROUND", d)));
        Assert.Equal(new[] { "2.5", "-2.5", "1.01", "1234.57" }, k.Eval(Fn("ROUND", d, Lit(2))));
        Assert.Equal("1200.0", k.Eval(Fn("ROUND", d, Lit(-2)))[3]);
        var m = new ExpressionTestKit();
        var dec = m.Decimals(10, 4, 1.2345m, -1.2355m);
        var rounded = Fn("ROUND", dec, Lit(2));
        Assert.Equal(SqlType.Decimal(9, 2), rounded.Type);
        Assert.Equal(new[] { "1.23", "-1.24" }, m.Eval(rounded));
        Assert.Equal(new[] { "1.23", "-1.23" }, m.Eval(Fn("TRUNCATE", dec, Lit(2))));
        var i = new ExpressionTestKit();
        Assert.Equal(new[] { "1250", "-1250" }, i.Eval(Fn("ROUND", i.Longs(1245, -1245), Lit(-1))));
        // Far more digits than System.Decimal holds: 0 (BigDecimal's setScale(-30)), not a .NET overflow message.
        Assert.Equal(new[] { "0.0", "0.0", "0.0", "0.0" }, k.Eval(Fn("ROUND", d, Lit(-30))));
        var wide = new ExpressionTestKit();
        var big = wide.ExactDecimals(38, 0, "12345678901234567890123456789012345678", "-55555555555555555555555555555555555555");
        Assert.Equal(new[] { "12345678901234567890123456789000000000", "-55555555555555555555555555555600000000" }, wide.Eval(Fn("ROUND", big, Lit(-8))));
        var nines = new ExpressionTestKit();
        Assert.Equal(new string?[] { null }, nines.Eval(Fn("ROUND", nines.ExactDecimals(38, 0, "99999999999999999999999999999999999999"), Lit(-1)))); // 10^38: 39 digits
    }

    [Fact]
    public void Floor_ceil_abs_sign_mod()
    {
        var k = new ExpressionTestKit();
        var dec = k.Decimals(5, 2, 1.50m, -1.50m, 2.00m);
        Assert.Equal(new[] { "1", "-2", "2" }, k.Eval(Fn("FLOOR", dec)));
        Assert.Equal(new[] { "2", "-1", "2" }, k.Eval(Fn("CEIL", dec)));
        Assert.Equal(new[] { "1.50", "1.50", "2.00" }, k.Eval(Fn("ABS", dec)));
        var i = new ExpressionTestKit();
        var n = i.Ints(-7, 7, 0);
        Assert.Equal(new[] { "-1", "1", "0" }, i.Eval(Fn("SIGN", n)));
        Assert.Equal(new[] { "-1", "1", "0" }, i.Eval(Fn("MOD", n, Lit(3))));
    }

    [Fact]
    public void Transcendental_functions_follow_java_math()
    {
        var k = new ExpressionTestKit();
        var x = k.Doubles(4.0, 0.0, -1.0);
        Assert.Equal(new[] { "2.0", "0.0", "NaN" }, k.Eval(Fn("SQRT", x)));
        Assert.Equal(new[] { "1.3862943611198906", "-Infinity", "NaN" }, k.Eval(Fn("LN", x)));
        Assert.Equal(new[] { "2.0", "-Infinity", "NaN" }, k.Eval(Fn("LOG2", x)));
        Assert.Equal(new[] { "16.0", "0.0", "1.0" }, k.Eval(Fn("POWER", x, Lit(2))));
        Assert.Equal("2.0", k.Eval(Fn("LOG", Lit(2), x))[0]);
        Assert.Equal("3.141592653589793", k.Eval(Fn("PI"))[0]);
    }

    [Fact]
    public void Seeded_rand_reproduces_java_random()
    {
        var k = new ExpressionTestKit();
        k.Longs(1, 2);
        var values = k.Eval(Fn("RAND", Lit(42)));
        // new java.util.Random(42).nextDouble() twice
        Assert.Equal(new[] { "0.7275636800328681", "0.6832234717598454" }, values);
        var ints = k.Eval(Fn("RAND_INTEGER", Lit(42), Lit(10)));
        Assert.Equal(new[] { "0", "3" }, ints);
    }

    [Fact]
    public void Extract_and_field_functions()
    {
        var k = new ExpressionTestKit();
        var ts = k.Timestamps(3, "2024-02-29 13:45:30.250", null);
        Assert.Equal(new[] { "2024", null }, k.Eval(Fn("EXTRACT", Unit("YEAR"), ts)));
        Assert.Equal(new[] { "1", null }, k.Eval(Fn("QUARTER", ts)));
        Assert.Equal(new[] { "2", null }, k.Eval(Fn("MONTH", ts)));
        Assert.Equal(new[] { "29", null }, k.Eval(Fn("DAYOFMONTH", ts)));
        Assert.Equal(new[] { "60", null }, k.Eval(Fn("DAYOFYEAR", ts)));
        Assert.Equal(new[] { "5", null }, k.Eval(Fn("DAYOFWEEK", ts)));
        Assert.Equal(new[] { "9", null }, k.Eval(Fn("WEEK", ts)));
        Assert.Equal(new[] { "13", null }, k.Eval(Fn("HOUR", ts)));
        Assert.Equal(new[] { "45", null }, k.Eval(Fn("MINUTE", ts)));
        Assert.Equal(new[] { "30", null }, k.Eval(Fn("SECOND", ts)));
    }

    [Fact]
    public void Date_format_of_rows_within_one_second_prints_each_rows_own_fields()
    {
        // A pattern without fields below the second is printed once per second: rows of one second share it, the
        // next second and a fraction, milli-of-day or nano field do not.
        var k = new ExpressionTestKit();
        var ts = k.Timestamps(3, "2024-03-05 07:08:09.123", "2024-03-05 07:08:09.456", null, "2024-03-05 07:08:10.001",
            "1969-12-31 23:59:59.999", "1969-12-31 23:59:59.500", "1970-01-01 00:00:00.000", "2024-03-05 07:08:10.002");
        Assert.Equal(new[] { "07:08:09", "07:08:09", null, "07:08:10", "23:59:59", "23:59:59", "00:00:00", "07:08:10" },
            k.Eval(Fn("DATE_FORMAT", ts, Lit("HH:mm:ss"))));
        Assert.Equal(new[] { "09.123", "09.456", null, "10.001", "59.999", "59.500", "00.000", "10.002" },
            k.Eval(Fn("DATE_FORMAT", ts, Lit("ss.SSS"))));
        Assert.Equal(new[] { "25689123", "25689456", null, "25690001", "86399999", "86399500", "0", "25690002" },
            k.Eval(Fn("DATE_FORMAT", ts, Lit("A"))));
        Assert.Equal(new[] { "2024-03-05 07:08", "2024-03-05 07:08", null, "2024-03-05 07:08", "1969-12-31 23:59", "1969-12-31 23:59",
            "1970-01-01 00:00", "2024-03-05 07:08" }, k.Eval(Fn("DATE_FORMAT", ts, Lit("yyyy-MM-dd HH:mm"))));
        // A pattern per row: the same second printed with another pattern is printed anew.
        var patterns = k.Strings("HH:mm:ss", "ss.SSS", "HH:mm:ss", "HH:mm:ss", "yyyy", "HH", "SSS", "ss");
        Assert.Equal(new[] { "07:08:09", "09.456", null, "07:08:10", "1969", "23", "000", "10" }, k.Eval(Fn("DATE_FORMAT", ts, patterns)));
    }

    [Fact]
    public void Date_format_and_parsing_with_java_patterns()
    {
        var k = new ExpressionTestKit();
        var ts = k.Timestamps(3, "2024-03-05 07:08:09.123");
        Assert.Equal("2024-03-05 07:08:09", k.EvalOne(Fn("DATE_FORMAT", ts, Lit("yyyy-MM-dd HH:mm:ss"))));
        Assert.Equal("05/03/24 07h 123", k.EvalOne(Fn("DATE_FORMAT", ts, Lit("dd/MM/yy HH'h' SSS"))));
        Assert.Equal("2024'03", k.EvalOne(Fn("DATE_FORMAT", ts, Lit("yyyy''MM"))));
        Assert.Equal("2024-03-05T07:08", k.EvalOne(Fn("DATE_FORMAT", ts, Lit("yyyy-MM-dd'T'HH:mm"))));
        Assert.Equal("2024-03-05 07:08:09.000", k.EvalOne(Fn("TO_TIMESTAMP", Lit("2024-03-05 07:08:09"))));
        Assert.Equal("2024-03-05 00:00:00.000", k.EvalOne(Fn("TO_TIMESTAMP", Lit("05.03.2024"), Lit("dd.MM.yyyy"))));
        Assert.Null(k.EvalOne(Fn("TO_TIMESTAMP", Lit("garbage"))));
        Assert.Equal("2024-03-05", k.EvalOne(Fn("TO_DATE", Lit("2024-03-05"))));
    }

    [Fact]
    public void Unix_time_in_the_session_zone()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("p8", TimeSpan.FromHours(8), "p8", "p8");
        var k = new ExpressionTestKit { Context = new EvaluationContext(zone, new FixedClock(1_700_000_000_123_456)) };
        k.Longs(1);
        Assert.Equal("1970-01-01 08:00:00", k.EvalOne(Fn("FROM_UNIXTIME", Lit(0))));
        Assert.Equal("0", k.EvalOne(Fn("UNIX_TIMESTAMP", Lit("1970-01-01 08:00:00"))));
        Assert.Equal("-9223372036854775808", k.EvalOne(Fn("UNIX_TIMESTAMP", Lit("bad"))));
        Assert.Equal("1700000000", k.EvalOne(Fn("UNIX_TIMESTAMP")));
        Assert.Equal("2023-11-15 06:13:20.123", k.EvalOne(Fn("CURRENT_TIMESTAMP")));
        Assert.Equal("2023-11-15 06:13:20.123", k.EvalOne(Fn("LOCALTIMESTAMP")));
        Assert.Equal("2023-11-15", k.EvalOne(Fn("CURRENT_DATE")));
        Assert.Equal("1970-01-01 08:00:01.500", k.EvalOne(Fn("TO_TIMESTAMP_LTZ", Lit(1500), Lit(3))));
    }

    [Fact]
    public void Timestampadd_diff_and_floor_ceil()
    {
        var k = new ExpressionTestKit();
        var a = k.Timestamps(3, "2024-01-31 10:30:00");
        var b = k.Timestamps(3, "2024-03-30 09:00:00");
        Assert.Equal("2024-02-29 10:30:00.000", k.EvalOne(Fn("TIMESTAMPADD", Unit("MONTH"), Lit(1), a)));
        Assert.Equal("2024-01-31 13:30:00.000", k.EvalOne(Fn("TIMESTAMPADD", Unit("HOUR"), Lit(3), a)));
        Assert.Equal("1", k.EvalOne(Fn("TIMESTAMPDIFF", Unit("MONTH"), a, b)));
        Assert.Equal("58", k.EvalOne(Fn("TIMESTAMPDIFF", Unit("DAY"), a, b)));
        Assert.Equal("-1", k.EvalOne(Fn("TIMESTAMPDIFF", Unit("MONTH"), b, a)));
        Assert.Equal("2024-01-31 10:00:00.000", k.EvalOne(Fn("FLOOR", a, Unit("HOUR"))));
        Assert.Equal("2024-02-01 00:00:00.000", k.EvalOne(Fn("CEIL", a, Unit("MONTH"))));
        Assert.Equal("2024-01-01 00:00:00.000", k.EvalOne(Fn("FLOOR", a, Unit("YEAR"))));
    }
}
