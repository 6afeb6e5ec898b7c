using StreamSql.Execution.Expressions;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Tests.Expressions.ExpressionTestKit;

namespace StreamSql.Execution.Tests.Expressions;

/// <summary>ENCODE, DECODE, URL_ENCODE, URL_DECODE, UNHEX, TRANSLATE, JSON_QUOTE, JSON_UNQUOTE, ELT, PRINTF and
/// CAST(number AS TIMESTAMP_LTZ) (Flink 2.x).</summary>
public sealed class TextAndFormatFunctionTests
{
    private static Literal NullOf(SqlType type) => new(null, type.WithNullable(true));

    [Fact]
    public void Encode_and_decode_round_trip_through_javas_character_sets()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("Aä€", null);
        Assert.Equal(new[] { "41c3a4e282ac", null }, Hex(k, s, "UTF-8"));
        Assert.Equal(new[] { "41e43f", null }, Hex(k, s, "ISO-8859-1"));
        Assert.Equal(new[] { "413f3f", null }, Hex(k, s, "us-ascii"));
        Assert.Equal(new[] { "feff004100e420ac", null }, Hex(k, s, "UTF-16"));
        Assert.Equal(new[] { "4100e400ac20", null }, Hex(k, s, "UTF-16LE"));
        foreach (var charset in new[] { "UTF-8", "UTF-16", "UTF-16BE", "UTF-16LE" })
            Assert.Equal(new[] { "Aä€", null }, k.Eval(Fn("DECODE", Fn("ENCODE", s, Lit(charset)), Lit(charset))));
        Assert.Equal("\uFFFD", k.EvalOne(Fn("DECODE", Fn("UNHEX", Lit("ff")), Lit("US-ASCII"))));
        var error = Assert.Throws<ExpressionEvaluationException>(() => k.Eval(Fn("ENCODE", s, Lit("EBCDIC-X"))));
        Assert.Contains("unsupported character set 'EBCDIC-X'", error.Message);
        Assert.Null(k.EvalOne(Fn("ENCODE", s, NullOf(SqlType.String))));
    }

    private static string?[] Hex(ExpressionTestKit k, ScalarExpr s, string charset)
    {
        var bytes = k.Evaluate(Fn("ENCODE", s, Lit(charset)));
        var array = (Apache.Arrow.BinaryArray)bytes;
        return Enumerable.Range(0, array.Length).Select(i => array.IsNull(i) ? null : Convert.ToHexString(array.GetBytes(i)).ToLowerInvariant()).ToArray();
    }

    [Fact]
    public void Url_encode_and_decode_as_javas_url_encoder()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("http://test?a=b&c=d", "a b*._-~", "你好", null);
        Assert.Equal(new[] { "http%3A%2F%2Ftest%3Fa%3Db%26c%3Dd", "a+b*._-%7E", "%E4%BD%A0%E5%A5%BD", null }, k.Eval(Fn("URL_ENCODE", s)));
        Assert.Equal(new[] { "http://test?a=b&c=d", "a b*._-~", "你好", null }, k.Eval(Fn("URL_DECODE", Fn("URL_ENCODE", s))));
        var bad = k.Strings("https%%3A%2F", "100%", "%zz", "a+b%20c");
        Assert.Equal(new[] { null, null, null, "a b c" }, k.Eval(Fn("URL_DECODE", bad)));
    }

    [Fact]
    public void Unhex_reads_hex_digits_and_is_null_for_other_characters()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("414243", "abc", "", "4G", null);
        var result = (Apache.Arrow.BinaryArray)k.Evaluate(Fn("UNHEX", s));
        Assert.Equal(new byte[] { 0x41, 0x42, 0x43 }, result.GetBytes(0).ToArray());
        Assert.Equal(new byte[] { 0x0a, 0xbc }, result.GetBytes(1).ToArray());
        Assert.Empty(result.GetBytes(2).ToArray());
        Assert.True(result.IsNull(3));
        Assert.True(result.IsNull(4));
        Assert.Equal("ABC", k.EvalOne(Fn("DECODE", Fn("UNHEX", s), Lit("UTF-8"))));
    }

    [Fact]
    public void Translate_replaces_code_points_and_removes_those_past_the_replacement()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("hello world", "aaa😀", "", null);
        Assert.Equal(new[] { "hexxo worxd", "aaa😀", "", null }, k.Eval(Fn("TRANSLATE", s, Lit("l"), Lit("x"))));
        Assert.Equal(new[] { "he    w r ", "", "", null }, k.Eval(Fn("TRANSLATE", s, Lit("lod😀a"), Lit("  "))));
        Assert.Equal(new[] { "hello world", "bbb", "", null }, k.Eval(Fn("TRANSLATE", s, Lit("a😀"), Lit("b"))));
        Assert.Equal(new[] { "hello world", "aaa😀", "", null }, k.Eval(Fn("TRANSLATE", s, NullOf(SqlType.String), Lit("x"))));
        Assert.Equal(new[] { "heo word", "aaa😀", "", null }, k.Eval(Fn("TRANSLATE", s, Lit("l"), NullOf(SqlType.String))));
        Assert.Equal("hexxo", k.EvalOne(Fn("TRANSLATE", Lit("hello"), Lit("ll"), Lit("xy"))));
    }

    [Fact]
    public void Json_quote_and_unquote_as_flink()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("a\"b\\c/d\n", "ä€", null);
        Assert.Equal(new[] { "\"a\\\"b\\\\c\\/d\\n\"", "\"\\u00e4\\u20ac\"", null }, k.Eval(Fn("JSON_QUOTE", s)));
        Assert.Equal(new[] { "a\"b\\c/d\n", "ä€", null }, k.Eval(Fn("JSON_UNQUOTE", Fn("JSON_QUOTE", s))));
        var k2 = new ExpressionTestKit();
        var raw = k2.Strings("[1, 2]", "\"abc", "123", "\"\\u0041\"", " \"a\" ");
        Assert.Equal(new[] { "[1, 2]", "\"abc", "123", "A", " \"a\" " }, k2.Eval(Fn("JSON_UNQUOTE", raw)));
    }

    [Fact]
    public void Elt_picks_the_one_based_value_and_is_null_out_of_range()
    {
        var k = new ExpressionTestKit();
        var index = k.Ints(1, 2, 3, 0, null);
        var call = Fn("ELT", index, Lit("a"), k.Strings("x", "y", "z", "w", "v"));
        Assert.Equal(new[] { "a", "y", null, null, null }, k.Eval(call));
        Assert.True(call.Type.Nullable);
        Assert.Equal(SqlTypeKind.BigInt, Fn("ELT", index, Lit(1), k.Longs(1, 2, 3, 4, 5)).Type.Kind);
        Assert.Equal(new[] { "1", "2", null, null, null }, k.Eval(Fn("ELT", index, Lit(1), k.Longs(2, 2, 2, 2, 2))));
        Assert.Throws<FunctionResolutionException>(() => Fn("ELT", index, Lit(1), Lit(true)));
    }

    [Theory]
    [InlineData("%s-%s", "a-1")]
    [InlineData("%5s|%-5s|", "    a|1    |")]
    [InlineData("%2$s %1$s", "1 a")]
    [InlineData("%s %<s", "a a")]
    [InlineData("%%%n", "%\n")]
    [InlineData("%.1s", "a")]
    [InlineData("%S", "A")]
    public void Printf_formats_like_javas_formatter(string format, string expected)
    {
        var k = new ExpressionTestKit();
        Assert.Equal(expected, k.EvalOne(Fn("PRINTF", Lit(format), k.Strings("a"), k.Ints(1))));
    }

    [Theory]
    [InlineData("%d", 1234567L, "1234567")]
    [InlineData("%,d", 1234567L, "1,234,567")]
    [InlineData("%08d", -42L, "-0000042")]
    [InlineData("%+d", 42L, "+42")]
    [InlineData("%(d", -42L, "(42)")]
    [InlineData("%x", -1L, "ffffffffffffffff")]
    [InlineData("%#X", 255L, "0XFF")]
    [InlineData("%o", 8L, "10")]
    public void Printf_formats_integers(string format, long value, string expected)
    {
        var k = new ExpressionTestKit();
        Assert.Equal(expected, k.EvalOne(Fn("PRINTF", Lit(format), k.Longs(value))));
    }

    [Theory]
    [InlineData("%f", 3.14159, "3.141590")]
    [InlineData("%.2f", 0.125, "0.13")]
    [InlineData("%.2f", 2.675, "2.68")]
    [InlineData("%.0f", 2.5, "3")]
    [InlineData("%,.2f", 1234567.891, "1,234,567.89")]
    [InlineData("%e", 12345.678, "1.234568e+04")]
    [InlineData("%.2E", 0.000123, "1.23E-04")]
    [InlineData("%g", 12345.678, "12345.7")]
    [InlineData("%g", 0.00001234, "1.23400e-05")]
    [InlineData("%10.3f", -1.5, "    -1.500")]
    [InlineData("%f", double.NaN, "NaN")]
    public void Printf_formats_floating_point_with_javas_half_up_rounding(string format, double value, string expected)
    {
        var k = new ExpressionTestKit();
        Assert.Equal(expected, k.EvalOne(Fn("PRINTF", Lit(format), k.Doubles(value))));
    }

    [Fact]
    public void Printf_null_format_null_arguments_and_errors()
    {
        var k = new ExpressionTestKit();
        Assert.Null(k.EvalOne(Fn("PRINTF", NullOf(SqlType.String), Lit(1))));
        Assert.Equal("null null false", k.EvalOne(Fn("PRINTF", Lit("%s %d %b"), NullOf(SqlType.String), NullOf(SqlType.Int), NullOf(SqlType.Boolean))));
        Assert.Equal("true 1.50 x", k.EvalOne(Fn("PRINTF", Lit("%s %.2f %c"), Lit(true), k.Decimals(5, 2, 1.5m), Lit(120))));
        Assert.Contains("d != java.lang.String", Assert.Throws<ExpressionEvaluationException>(() => k.Eval(Fn("PRINTF", Lit("%d"), Lit("x")))).Message);
        Assert.Contains("Format specifier '%s'", Assert.Throws<ExpressionEvaluationException>(() => k.Eval(Fn("PRINTF", Lit("%s %s"), Lit("x")))).Message);
        Assert.Contains("Conversion = 'q'", Assert.Throws<ExpressionEvaluationException>(() => k.Eval(Fn("PRINTF", Lit("%q"), Lit("x")))).Message);
    }

    [Fact]
    public void Cast_of_a_number_to_timestamp_ltz_reads_seconds_since_the_epoch()
    {
        var k = new ExpressionTestKit();
        Assert.True(BuiltInFunctions.CanCast(SqlType.BigInt, SqlType.TimestampLtz(3)));
        Assert.False(BuiltInFunctions.CanCast(SqlType.BigInt, SqlType.Timestamp(3)));
        var seconds = k.Longs(0, 1700000000, -1, null);
        Assert.Equal(new[] { "1970-01-01 00:00:00.000", "2023-11-14 22:13:20.000", "1969-12-31 23:59:59.000", null },
            k.Eval(Cast(seconds, SqlType.TimestampLtz(3))));
        var one = new ExpressionTestKit();
        Assert.Equal("1970-01-01 00:00:01.234", one.EvalOne(Cast(one.Doubles(1.2345), SqlType.TimestampLtz(3))));
        var dec = one.Decimals(10, 4, 1.2349m);
        Assert.Equal("1970-01-01 00:00:01.234", one.EvalOne(Cast(dec, SqlType.TimestampLtz(3))));
        Assert.Equal("1970-01-01 00:00:01", one.EvalOne(Cast(dec, SqlType.TimestampLtz(0))));
    }
}
