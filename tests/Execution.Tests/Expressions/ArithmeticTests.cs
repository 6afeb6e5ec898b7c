using StreamSql.Execution.Expressions;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Tests.Expressions.ExpressionTestKit;

namespace StreamSql.Execution.Tests.Expressions;

public sealed class ArithmeticTests
{
    [Fact]
    public void Bigint_arithmetic_with_nulls()
    {
        var k = new ExpressionTestKit();
        var a = k.Longs(1, null, 10, -4);
        var b = k.Longs(2, 3, null, 3);
        Assert.Equal(new[] { "3", null, null, "-1" }, k.Eval(Fn("+", a, b)));
        Assert.Equal(new[] { "-1", null, null, "-7" }, k.Eval(Fn("-", a, b)));
        Assert.Equal(new[] { "2", null, null, "-12" }, k.Eval(Fn("*", a, b)));
        Assert.Equal(new[] { "0", null, null, "-1" }, k.Eval(Fn("/", a, b)));
        Assert.Equal(new[] { "1", null, null, "-1" }, k.Eval(Fn("%", a, b)));
    }

    [Fact]
    public void Int_plus_literal_promotes_per_resolution()
    {
        var k = new ExpressionTestKit();
        var a = k.Ints(1, 2, null);
        var call = Fn("+", a, Lit(1_000_000_000_000L, SqlType.BigInt.AsNotNull()));
        Assert.Equal(SqlTypeKind.BigInt, call.Type.Kind);
        Assert.Equal(new[] { "1000000000001", "1000000000002", null }, k.Eval(call));
    }

    [Fact]
    public void Integer_overflow_wraps_like_java()
    {
        var k = new ExpressionTestKit();
        var a = k.Ints(int.MaxValue, int.MinValue);
        Assert.Equal(new[] { "-2147483648", "-2147483647" }, k.Eval(Fn("+", a, Lit(1))));
        Assert.Equal(new[] { "-2147483647", "-2147483648" }, k.Eval(Fn("/", a, Lit(-1))));
        Assert.Equal(new[] { "-2147483647", "-2147483648" }, k.Eval(Fn("NEGATE", a)));
    }

    [Fact]
    public void Integer_division_by_zero_is_an_error_naming_the_expression()
    {
        var k = new ExpressionTestKit();
        var a = k.Longs(10, 20);
        var b = k.Longs(2, 0);
        var e = Assert.Throws<ExpressionEvaluationException>(() => k.Eval(Fn("/", a, b)));
        Assert.Contains("Division by zero", e.Message);
        Assert.Contains("/($0, $1)", e.Message);
        Assert.Throws<ExpressionEvaluationException>(() => k.Eval(Fn("MOD", a, Lit(0))));
    }

    [Fact]
    public void Division_by_zero_on_a_null_row_is_not_an_error()
    {
        var k = new ExpressionTestKit();
        var a = k.Longs(10, null);
        var b = k.Longs(2, 0);
        Assert.Equal(new[] { "5", null }, k.Eval(Fn("/", a, b)));
    }

    [Fact]
    public void Double_division_by_zero_follows_ieee()
    {
        var k = new ExpressionTestKit();
        var a = k.Doubles(1.0, -1.0, 0.0);
        Assert.Equal(new[] { "Infinity", "-Infinity", "NaN" }, k.Eval(Fn("/", a, Lit(0.0))));
        Assert.Equal(new[] { "1.5", "-0.5", "0.5" }, k.Eval(Fn("+", a, Lit(0.5))));
    }

    [Fact]
    public void Decimal_arithmetic_keeps_the_result_scale()
    {
        var k = new ExpressionTestKit();
        var a = k.Decimals(10, 2, 1.25m, -3.10m, null);
        var b = k.Decimals(5, 1, 0.5m, 2.0m, 1m);
        var sum = Fn("+", a, b);
        Assert.Equal(SqlType.Decimal(11, 2), sum.Type);
        Assert.Equal(new[] { "1.75", "-1.10", null }, k.Eval(sum));
        Assert.Equal(new[] { "0.625", "-6.200", null }, k.Eval(Fn("*", a, b)));
        Assert.Equal(new[] { "2.50000000", "-1.55000000", null }, k.Eval(Fn("/", a, b)));
        Assert.Equal(new[] { "0.25", "-1.10", null }, k.Eval(Fn("%", a, b)));
    }

    [Fact]
    public void Decimal_division_rounds_half_up()
    {
        var k = new ExpressionTestKit();
        var a = k.Decimals(5, 0, 2m, 1m);
        var three = Cast(Lit(3), SqlType.Decimal(5, 0).AsNotNull());
        Assert.Equal(new[] { "0.666667", "0.333333" }, k.Eval(Fn("/", a, three)));
    }

    [Fact]
    public void Decimal_overflow_is_null()
    {
        var k = new ExpressionTestKit();
        var a = k.Decimals(38, 0, 79228162514264337593543950335m);
        var result = k.Eval(Fn("*", a, a));
        Assert.Null(result[0]);
    }

    [Fact]
    public void Decimal_division_by_zero_is_an_error()
    {
        var k = new ExpressionTestKit();
        var a = k.Decimals(5, 2, 1m);
        var b = k.Decimals(5, 2, 0m);
        Assert.Throws<ExpressionEvaluationException>(() => k.Eval(Fn("/", a, b)));
    }

    [Fact]
    public void Decimal_plus_int()
    {
        var k = new ExpressionTestKit();
        var a = k.Decimals(5, 2, 1.5m);
        Assert.Equal("11.50", k.EvalOne(Fn("+", a, Lit(10))));
    }

    [Fact]
    public void Timestamp_plus_intervals()
    {
        var k = new ExpressionTestKit();
        var ts = k.Timestamps(3, "2024-01-31 10:00:00", null);
        var hour = Lit(3_600_000L, SqlType.IntervalDayTime.AsNotNull());
        var month = Lit(1, SqlType.IntervalYearMonth.AsNotNull());
        Assert.Equal(new[] { "2024-01-31 11:00:00.000", null }, k.Eval(Fn("+", ts, hour)));
        Assert.Equal(new[] { "2024-01-31 09:00:00.000", null }, k.Eval(Fn("-", ts, hour)));
        Assert.Equal(new[] { "2024-02-29 10:00:00.000", null }, k.Eval(Fn("+", ts, month)));
        var k2 = new ExpressionTestKit();
        var dates = k2.Dates("2024-03-01");
        Assert.Equal("2024-02-29", k2.Eval(Fn("-", dates, Lit(86_400_000L, SqlType.IntervalDayTime.AsNotNull())))[0]);
    }
}
