using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>DECIMAL values at Flink's full precision: 38 digits, HALF_UP, NULL (here: Overflow) beyond the precision.</summary>
public sealed class DecimalValueTests
{
    [Theory]
    [InlineData("0.63", 38, 4, "0.6300")]
    [InlineData("12345678901234567890123456789012345678", 38, 0, "12345678901234567890123456789012345678")]
    [InlineData("-99999999999999999999999999999999999999", 38, 0, "-99999999999999999999999999999999999999")]
    [InlineData("0.99999999999999999999999999999999999999", 38, 38, "0.99999999999999999999999999999999999999")]
    [InlineData("1.5", 38, 37, "1.5000000000000000000000000000000000000")]
    [InlineData("  -12.345  ", 5, 2, "-12.35")]      // half up = away from zero, blanks ignored
    [InlineData("12.344", 5, 2, "12.34")]
    [InlineData("0.5", 1, 0, "1")]
    [InlineData("-0.5", 1, 0, "-1")]
    [InlineData("0.49999999999999999999999999999999999999999999", 1, 0, "0")] // more digits than 38 are fine
    [InlineData("1E3", 4, 0, "1000")]
    [InlineData("1.5e-3", 5, 4, "0.0015")]
    [InlineData("-1.25E+1", 4, 1, "-12.5")]
    [InlineData(".5", 2, 1, "0.5")]
    [InlineData("5.", 1, 0, "5")]
    [InlineData("+7", 1, 0, "7")]
    [InlineData("-0.000", 3, 1, "0.0")]
    [InlineData("0.04", 2, 1, "0.0")]
    [InlineData("0.05", 2, 1, "0.1")]
    [InlineData("0.004", 2, 1, "0.0")]
    [InlineData("1e-400", 38, 10, "0.0000000000")]
    public void Parses_into_the_target_precision_and_scale(string text, int precision, int scale, string expected)
    {
        Assert.Equal(DecimalParseStatus.Ok, DecimalValue.TryParse(text, precision, scale, out var value));
        Assert.Equal(scale, value.Scale);
        Assert.Equal(expected, value.ToString());
    }

    [Theory]
    [InlineData("123456789012345678901234567890123456789", 38, 0)] // 39 digits
    [InlineData("100000000000000000000000000000000000000", 38, 0)]
    [InlineData("999.995", 5, 2)]                                   // rounds up to 1000.00: 6 digits
    [InlineData("1", 38, 38)]
    [InlineData("1e38", 38, 0)]
    [InlineData("1e400", 38, 0)]
    [InlineData("12345", 4, 0)]
    public void A_number_beyond_the_precision_is_an_overflow(string text, int precision, int scale) =>
        Assert.Equal(DecimalParseStatus.Overflow, DecimalValue.TryParse(text, precision, scale, out _));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("1 2")]
    [InlineData("0x10")]
    [InlineData("NaN")]
    public void Text_that_is_no_number_is_invalid(string text) =>
        Assert.Equal(DecimalParseStatus.Invalid, DecimalValue.TryParse(text, 38, 2, out _));

    [Fact]
    public void Down_rounding_drops_the_digits()
    {
        Assert.Equal(DecimalParseStatus.Ok, DecimalValue.TryParse("-1.999", 3, 2, out var value, halfUp: false));
        Assert.Equal("-1.99", value.ToString());
    }

    [Theory]
    [InlineData("0.63", 2, 2, "0.63")]
    [InlineData("1.50", 3, 2, "1.50")]
    [InlineData("007", 1, 0, "7")]
    [InlineData("0.010", 3, 3, "0.010")]
    [InlineData("-123.4", 4, 1, "-123.4")]
    [InlineData("0", 1, 0, "0")]
    [InlineData("12345678901234567890123456789012345678", 38, 0, "12345678901234567890123456789012345678")]
    public void A_literal_gets_calcites_precision_and_scale(string text, int precision, int scale, string value)
    {
        Assert.Equal((precision, scale), DecimalValue.PrecisionAndScale(text));
        Assert.Equal(value, DecimalValue.Parse(text).ToString());
    }

    [Fact]
    public void A_literal_of_more_than_38_digits_is_refused()
    {
        Assert.Throws<FormatException>(() => DecimalValue.Parse("1234567890123456789012345678901234567890"));
    }

    [Fact]
    public void Rescaling_rounds_half_up_and_refuses_to_leave_128_bits()
    {
        Assert.True(DecimalValue.TryRescale(125, 2, 1, out var r)); Assert.Equal((Int128)13, r);
        Assert.True(DecimalValue.TryRescale(-125, 2, 1, out r)); Assert.Equal((Int128)(-13), r);
        Assert.True(DecimalValue.TryRescale(-124, 2, 1, out r)); Assert.Equal((Int128)(-12), r);
        Assert.True(DecimalValue.TryRescale(DecimalValue.PowerOfTen(38) - 1, 38, 0, out r)); Assert.Equal((Int128)1, r);
        Assert.True(DecimalValue.TryRescale(5, 0, 37, out r)); Assert.Equal(DecimalValue.PowerOfTen(37) * 5, r);
        Assert.False(DecimalValue.TryRescale(2, 0, 38, out _)); // 2·10^38 > Int128.MaxValue
        Assert.True(DecimalValue.TryRescale(Int128.MaxValue, 39, 0, out r)); Assert.Equal((Int128)0, r);
    }

    [Fact]
    public void The_precision_check_covers_all_38_digits()
    {
        var max = DecimalValue.PowerOfTen(38) - 1;
        Assert.True(DecimalValue.Fits(max, 38));
        Assert.True(DecimalValue.Fits(-max, 38));
        Assert.False(DecimalValue.Fits(max + 1, 38));
        Assert.False(DecimalValue.Fits(Int128.MinValue, 38));
        Assert.True(DecimalValue.Fits(9999, 4));
        Assert.False(DecimalValue.Fits(-10000, 4));
    }

    [Fact]
    public void Conversion_checks_precision_after_rounding()
    {
        var v = DecimalValue.Parse("9.995");
        Assert.True(v.TryConvert(4, 2, out var ok)); Assert.Equal("10.00", ok.ToString());
        Assert.False(v.TryConvert(3, 2, out _));
        Assert.True(DecimalValue.Parse("0.63").TryConvert(38, 4, out var wide)); Assert.Equal("0.6300", wide.ToString());
    }

    [Fact]
    public void Values_compare_by_value_across_scales_and_equal_structurally()
    {
        var a = DecimalValue.Parse("1.50");
        var b = DecimalValue.Parse("1.5");
        Assert.Equal(0, a.CompareTo(b));
        Assert.NotEqual(a, b); // as BigDecimal.equals: the scale counts
        Assert.True(DecimalValue.Parse("-2").CompareTo(DecimalValue.Parse("1.99")) < 0);
        Assert.True(DecimalValue.Parse("99999999999999999999999999999999999999").CompareTo(DecimalValue.Parse("0.99999999999999999999999999999999999999")) > 0);
        Assert.True(DecimalValue.Parse("-0.1").CompareTo(DecimalValue.Parse("0")) < 0);
    }

    [Theory]
    [InlineData("0.63", 0.63)]
    [InlineData("12345678901234567890123456789012345678", 1.2345678901234568E37)]
    [InlineData("-0.0000000000000000000000000000000000001", -1E-37)]
    [InlineData("9007199254740993", 9007199254740992.0)] // 2^53 + 1: correctly rounded (to even)
    public void Converts_to_the_nearest_double(string text, double expected) => Assert.Equal(expected, DecimalValue.Parse(text).ToDouble());

    [Fact]
    public void Formats_plain_with_exactly_its_scale()
    {
        Assert.Equal("0.000", new DecimalValue(0, 3).ToString());
        Assert.Equal("-0.001", new DecimalValue(-1, 3).ToString());
        Assert.Equal("-99999999999999999999999999999999999999", new DecimalValue(-(DecimalValue.PowerOfTen(38) - 1), 0).ToString());
        Assert.Equal("0.00000000000000000000000000000000000001", new DecimalValue(1, 38).ToString());
        Assert.Equal("1234567890123456789012345678.9012345678", new DecimalValue(Int128.Parse("12345678901234567890123456789012345678"), 10).ToString());
    }
}
