using StreamSql.Execution.Expressions;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Tests.Expressions.ExpressionTestKit;

namespace StreamSql.Execution.Tests.Expressions;

/// <summary>The 128-bit DECIMAL primitives and kernels at the edges of Flink's 38 digits.</summary>
public sealed class DecimalMathTests
{
    private static Int128 U(string digits) => Int128.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Division_first_rounds_the_quotient_to_38_digits_as_flink()
    {
        // x / y = 0.0000014999…(38 significant digits, then more) : Flink's divide(y, MathContext(38, HALF_UP)) makes that
        // 0.0000015000… and setScale(6, HALF_UP) then 0.000002, where a single rounding would give 0.000001.
        // (Expected values from Python's decimal module with prec=38, ROUND_HALF_UP, then quantize.)
        var k = new ExpressionTestKit();
        var x = k.ExactDecimals(38, 0, "149999999999999999999999999999998");
        var y = k.ExactDecimals(38, 0, "99999999999999999999999999999998666667");
        var call = Fn("/", x, y);
        Assert.Equal(SqlType.Decimal(38, 6), call.Type.WithNullable(true));
        Assert.Equal("0.000002", k.EvalOne(call));
    }

    [Fact]
    public void Division_whose_scaled_dividend_leaves_128_bits_is_still_exact()
    {
        Assert.True(DecimalMath.TryDivide(U("12345678901234567890"), 0, U("1000000000000000000000000000003"), 30, 38, 6, out var q));
        Assert.Equal("12345678901234567890.000000", new DecimalValue(q, 6).ToString());
        // Far beyond 38 digits: NULL.
        Assert.False(DecimalMath.TryDivide(-(DecimalValue.PowerOfTen(38) - 1), 0, 7, 38, 38, 6, out _));
        Assert.True(DecimalMath.TryDivide(-2, 0, 3, 0, 38, 6, out q));
        Assert.Equal("-0.666667", new DecimalValue(q, 6).ToString());
    }

    [Fact]
    public void Products_beyond_128_bits_round_to_the_result_scale_or_are_null()
    {
        var nines = DecimalValue.PowerOfTen(38) - 1;
        // 0.99…9 (38 nines) squared = 0.99…9800…01 (76 digits): at scale 38 that is 0.99…98, at scale 37 it rounds up to 1.
        Assert.True(DecimalMath.TryMultiply(nines, 38, nines, 38, 38, 38, out var p));
        Assert.Equal("0.99999999999999999999999999999999999998", new DecimalValue(p, 38).ToString());
        Assert.True(DecimalMath.TryMultiply(nines, 38, nines, 38, 38, 37, out p));
        Assert.Equal("1.0000000000000000000000000000000000000", new DecimalValue(p, 37).ToString());
        Assert.False(DecimalMath.TryMultiply(nines, 0, nines, 0, 38, 0, out _));
        Assert.True(DecimalMath.TryMultiply(-nines, 19, nines, 19, 38, 0, out p));
        Assert.Equal(-(DecimalValue.PowerOfTen(38) - 2), p); // -(10^38 - 1)² / 10^38 = -(10^38 - 2 + 10^-38), half up
    }

    [Fact]
    public void Sums_near_the_limit_do_not_wrap()
    {
        var nines = DecimalValue.PowerOfTen(38) - 1;
        Assert.False(DecimalMath.TryAdd(nines, 0, nines, 0, 38, 0, out _));               // 2·10^38 leaves Int128 itself
        Assert.False(DecimalMath.TryAdd(-nines, 0, 1, 0, 38, 0, out _, subtract: true));
        Assert.True(DecimalMath.TryAdd(nines, 0, -nines, 0, 38, 0, out var zero));
        Assert.Equal((Int128)0, zero);
        Assert.True(DecimalMath.TryAdd(nines, 38, 1, 0, 38, 37, out var sum));            // 0.99…9 + 1 = 2.0 at scale 37
        Assert.Equal("2.0000000000000000000000000000000000000", new DecimalValue(sum, 37).ToString());
    }

    [Fact]
    public void Comparison_across_scales_is_exact_at_the_limits()
    {
        var nines = DecimalValue.PowerOfTen(38) - 1;
        Assert.True(DecimalMath.Compare(nines, 0, nines, 38) > 0);
        Assert.True(DecimalMath.Compare(-nines, 0, nines, 38) < 0);
        Assert.True(DecimalMath.Compare(1, 38, -nines, 0) > 0);
        Assert.Equal(0, DecimalMath.Compare(150, 2, 15, 1));
        Assert.True(DecimalMath.Compare(151, 2, 15, 1) > 0);
    }

    [Fact]
    public void Doubles_convert_as_flink_does_for_compact_and_wide_decimals()
    {
        // precision ≤ 18: (double) unscaled / 10^scale; wider: BigDecimal.doubleValue(), correctly rounded.
        Assert.Equal(0.63, DecimalMath.ToDouble(63, 2, 2));
        Assert.Equal(1.2345678901234568E37, DecimalMath.ToDouble(U("12345678901234567890123456789012345678"), 38, 0));
        Assert.True(DecimalMath.TryFromDouble(0.1, 38, 37, out var u));
        Assert.Equal("0.1000000000000000000000000000000000000", new DecimalValue(u, 37).ToString()); // BigDecimal.valueOf: shortest text
        Assert.True(DecimalMath.TryFromDouble(1.5E37, 38, 0, out u));
        Assert.Equal("15000000000000000000000000000000000000", new DecimalValue(u, 0).ToString());
        Assert.False(DecimalMath.TryFromDouble(1E38, 38, 0, out _));
        Assert.False(DecimalMath.TryFromDouble(double.NaN, 38, 0, out _));
    }

    [Fact]
    public void A_decimal_sum_is_typed_decimal_38_and_refuses_to_leave_it()
    {
        var sum = new DecimalSum();
        var half = DecimalValue.PowerOfTen(37) * 5;
        Assert.True(sum.TryAdd(half));
        Assert.True(sum.TryAdd(half - 1));
        Assert.Equal(DecimalValue.PowerOfTen(38) - 1, sum.Unscaled);
        Assert.False(sum.TryAdd(1));                            // 10^38: 39 digits
        Assert.Equal(DecimalValue.PowerOfTen(38) - 1, sum.Unscaled);
        Assert.True(sum.TryRetract(DecimalValue.PowerOfTen(38) - 1));
        Assert.Equal((Int128)0, sum.Unscaled);
        Assert.True(sum.TryRetract(DecimalValue.PowerOfTen(38) - 1));
        Assert.False(sum.TryRetract(DecimalValue.PowerOfTen(38) - 1)); // -2·10^38 + 2 wraps Int128: still refused
    }

    [Fact]
    public void The_issue_cases_cast_at_full_precision()
    {
        // CAST(0.63 AS DECIMAL(38, 4)) and CAST('<38 digits>' AS DECIMAL(38, 0)), folded and at run time.
        var literal = Lit(DecimalValue.Parse("0.63"), SqlType.Decimal(2, 2).AsNotNull());
        var folded = ConstantEvaluator.Instance.TryEvaluate(Cast(literal, SqlType.Decimal(38, 4)));
        Assert.Equal("0.6300", ((DecimalValue)folded!.Value!).ToString());
        var k = new ExpressionTestKit();
        var text = k.Strings("12345678901234567890123456789012345678", "-99999999999999999999999999999999999999", "123456789012345678901234567890123456789");
        Assert.Equal(new[] { "12345678901234567890123456789012345678", "-99999999999999999999999999999999999999", null },
            k.Eval(Cast(text, SqlType.Decimal(38, 0), tryCast: true)));
        // CAST of text with more digits than the type holds fails, as Flink's CastFunctionITCase has it (TRY_CAST is NULL).
        var strict = new ExpressionTestKit();
        var tooLong = strict.Strings("123456789012345678901234567890123456789");
        var error = Assert.Throws<ExpressionEvaluationException>(() => strict.Eval(Cast(tooLong, SqlType.Decimal(38, 0))));
        Assert.Contains("123456789012345678901234567890123456789", error.Message);
        Assert.Equal(new[] { "0.6300" }, new ExpressionTestKit().Eval(Cast(literal, SqlType.Decimal(38, 4))));
    }
}
