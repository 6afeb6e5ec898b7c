using StreamSql.Execution.Expressions;
using StreamSql.Execution.Expressions.Kernels;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Tests.Expressions.ExpressionTestKit;

namespace StreamSql.Execution.Tests.Expressions;

/// <summary>
/// The kernels the Nexmark queries hit run a column at a time over the Arrow buffers (no per-row delegate or string),
/// and keep Flink's results at the edges: NULLs, non-ASCII text, overflow.
/// </summary>
public sealed class ColumnarKernelTests
{
    private static VectorExpression Compiled(ExpressionTestKit k, ScalarExpr e) => (VectorExpression)ExpressionCompiler.Compile(e, k.Schema);

    [Fact]
    public void The_nexmark_kernels_are_not_evaluated_row_by_row()
    {
        var k = new ExpressionTestKit();
        var auction = k.Longs(1, 123, 246);
        var price = k.Longs(10, 20, 30);
        var channel = k.Strings("Apple", "channel-7", null);
        var url = k.Strings("https://www.nexmark.com/a/b/c/item.htm?query=1&channel_id=42", "https://x/y", null);
        var time = k.Timestamps(3, "2024-01-01 00:00:00", null, "2024-01-01 00:00:01.5");
        var kernels = new ScalarExpr[]
        {
            Fn("MOD", auction, Lit(123)),                                              // q2, with the narrowing cast to INT
            Cast(price, SqlType.Decimal(19, 0)),                                       // q1's widening
            Cast(Fn("*", Lit(DecimalValue.Parse("0.908"), SqlType.Decimal(3, 3).AsNotNull()), price), SqlType.Decimal(23, 3)), // q1 into its sink
            Cast(Cast(price, SqlType.Decimal(19, 0)), SqlType.Decimal(21, 2)),        // a rescale
            Cast(price, SqlType.Int), Cast(k.Ints(1, 2, 3), SqlType.BigInt), Cast(price, SqlType.Double),
            Fn("=", Fn("LOWER", channel), Lit("apple")),                               // q21
            Fn("LOWER", channel), Fn("UPPER", channel),
            Fn("IN", Fn("LOWER", channel), Lit("apple"), Lit("google"), Lit("facebook"), Lit("baidu")),
            Fn("REGEXP_EXTRACT", url, Lit("(&|^)channel_id=([^&]*)"), Lit(2)),
            Fn("SPLIT_INDEX", url, Lit("/"), Lit(3)),                                  // q22
            Fn("CONCAT", channel, Lit("-"), url),
            Fn("<", channel, url),
            Fn("-", time, new Literal(4000L, SqlType.IntervalDayTime.AsNotNull())),  // every watermark
        };
        foreach (var e in kernels)
        {
            var compiled = Compiled(k, e);
            Assert.False(compiled is RowwiseExpression, $"{e} is evaluated row by row ({compiled.GetType().Name})");
            if (compiled is RetypedExpression) continue;
            Assert.Equal(3, compiled.Evaluate(k.Batch, k.Context).Length);
        }
    }

    [Fact]
    public void Integer_casts_wrap_like_java_and_keep_nulls()
    {
        var k = new ExpressionTestKit();
        var big = k.Longs(1L << 33 | 5, -1, null, long.MaxValue);
        Assert.Equal(new[] { "5", "-1", null, "-1" }, k.Eval(Cast(big, SqlType.Int)));
        Assert.Equal(new[] { "5", "-1", null, "-1" }, k.Eval(Cast(big, SqlType.TinyInt)));
        Assert.Equal(new[] { "8.589934597E9", "-1.0", null, "9.223372036854776E18" }, k.Eval(Cast(big, SqlType.Double)));
        var k2 = new ExpressionTestKit();
        var small = k2.Ints(-7, null, int.MinValue);
        Assert.Equal(new[] { "-7", null, "-2147483648" }, k2.Eval(Cast(small, SqlType.BigInt)));
    }

    [Fact]
    public void Integer_to_decimal_scales_and_is_null_beyond_the_precision()
    {
        var k = new ExpressionTestKit();
        var a = k.Ints(123, -999, 1000, null);
        Assert.Equal(new[] { "123.00", "-999.00", null, null }, k.Eval(Cast(a, SqlType.Decimal(5, 2))));
        var k2 = new ExpressionTestKit();
        var b = k2.Longs(long.MaxValue, long.MinValue, 0);
        Assert.Equal(new[] { "9223372036854775807", "-9223372036854775808", "0" }, k2.Eval(Cast(b, SqlType.Decimal(19, 0))));
        // q1: 0.908 * price, the BIGINT widened to DECIMAL(19, 0) by the binder.
        var k3 = new ExpressionTestKit();
        var price = k3.Longs(100, 12_345_678, null);
        Assert.Equal(new[] { "90.800", "11209875.624", null }, k3.Eval(Fn("*", Lit(DecimalValue.Parse("0.908"), SqlType.Decimal(3, 3)), price)));
    }

    [Fact]
    public void String_comparison_orders_by_utf8_bytes_with_nulls()
    {
        var k = new ExpressionTestKit();
        var a = k.Strings("abc", "é", null, "ab", "");
        var b = k.Strings("abd", "z", "x", "ab", "a");
        Assert.Equal(new[] { "TRUE", "FALSE", null, "FALSE", "TRUE" }, k.Eval(Fn("<", a, b)));
        Assert.Equal(new[] { "FALSE", "FALSE", null, "TRUE", "FALSE" }, k.Eval(Fn("=", a, b)));
        Assert.Equal(new[] { "TRUE", "TRUE", null, "FALSE", "TRUE" }, k.Eval(Fn("<>", a, b)));
        Assert.Equal(new[] { "FALSE", "TRUE", null, "FALSE", "FALSE" }, k.Eval(Fn(">", a, Lit("b"))));
        Assert.Equal(new[] { "TRUE", "FALSE", null, "TRUE", "TRUE" }, k.Eval(Fn(">", Lit("b"), a)));
    }

    [Fact]
    public void Lower_and_upper_map_ascii_in_place_and_other_text_as_java_does()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("Facebook", "ÄÖ Straße", null, "", "MiXeD 42");
        Assert.Equal(new[] { "facebook", "äö straße", null, "", "mixed 42" }, k.Eval(Fn("LOWER", s)));
        Assert.Equal(new[] { "FACEBOOK", "ÄÖ STRASSE", null, "", "MIXED 42" }, k.Eval(Fn("UPPER", s)));
    }

    [Fact]
    public void In_list_of_strings_is_three_valued()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("apple", "pear", null, "baidu");
        Assert.Equal(new[] { "TRUE", "FALSE", null, "TRUE" }, k.Eval(Fn("IN", s, Lit("apple"), Lit("baidu"))));
        Assert.Equal(new[] { "TRUE", null, null, null }, k.Eval(Fn("IN", s, Lit("apple"), Lit(null, SqlType.VarChar(5)))));
    }

    [Fact]
    public void Split_index_follows_flink_on_separators_and_the_empty_string()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("https://www.nexmark.com/abc/def/ghi/item.htm", "a//b/", "", null, "ü/ö/ä", "a::b::c");
        Assert.Equal(new[] { "abc", "", null, null, null, null }, k.Eval(Fn("SPLIT_INDEX", s, Lit("/"), Lit(3))));
        Assert.Equal(new[] { "www.nexmark.com", "b", null, null, "ä", null }, k.Eval(Fn("SPLIT_INDEX", s, Lit("/"), Lit(2))));
        Assert.Equal(new[] { "https:", "a", null, null, "ü", "a::b::c" }, k.Eval(Fn("SPLIT_INDEX", s, Lit("/"), Lit(0))));
        Assert.Equal(new[] { "", "", null, null, "ö", null }, k.Eval(Fn("SPLIT_INDEX", s, Lit("/"), Lit(1))));
        Assert.Equal(new[] { null, null, null, null, null, "c" }, k.Eval(Fn("SPLIT_INDEX", s, Lit("::"), Lit(2))));
        Assert.Equal(new string?[] { null, null, null, null, null, null }, k.Eval(Fn("SPLIT_INDEX", s, Lit("/"), Lit(-1))));
    }

    [Fact]
    public void Concat_copies_the_parts_and_is_null_with_any_null_part()
    {
        var k = new ExpressionTestKit();
        var a = k.Strings("x", null, "ü", "");
        var b = k.Strings("1", "2", "ß", "");
        Assert.Equal(new[] { "x-1", null, "ü-ß", "-" }, k.Eval(Fn("CONCAT", a, Lit("-"), b)));
        Assert.Equal(new[] { "x1", null, "üß", "" }, k.Eval(Fn("||", a, b)));
    }

    [Fact]
    public void Regexp_extract_skips_values_without_the_required_text_and_reads_groups_after_non_ascii()
    {
        var k = new ExpressionTestKit();
        var url = k.Strings(
            "https://www.nexmark.com/a/b/c/item.htm?query=1&channel_id=123",
            "https://www.nexmark.com/a/b/c/item.htm?query=1",
            "channel_id=7&x=1",
            "é?query=1&channel_id=ü9&more",
            "xchannel_id=5",
            null);
        Assert.Equal(new[] { "123", null, "7", "ü9", null, null }, k.Eval(Fn("REGEXP_EXTRACT", url, Lit("(&|^)channel_id=([^&]*)"), Lit(2))));
        Assert.Equal(new[] { "&channel_id=123", null, "channel_id=7", "&channel_id=ü9", null, null }, k.Eval(Fn("REGEXP_EXTRACT", url, Lit("(&|^)channel_id=([^&]*)"))));
    }

    [Theory]
    [InlineData("(&|^)channel_id=([^&]*)", "channel_id=")]
    [InlineData("abc*def", "def")]
    [InlineData("ab+cd", "cd")]
    [InlineData(@"foo\.bar\d+", "foo.bar")]
    [InlineData("[a-z]+(\\d+)", null)]
    [InlineData("ab|cd", null)]
    [InlineData("(?i)hello", null)]
    [InlineData("x{2,3}yz", "yz")]
    [InlineData("a.b", null)]
    public void Required_literal_is_only_text_every_match_contains(string pattern, string? expected) =>
        Assert.Equal(expected, RequiredLiteral.Of(pattern));

    [Fact]
    public void Timestamp_minus_interval_over_a_column_and_a_literal()
    {
        var k = new ExpressionTestKit();
        var ts = k.Timestamps(3, "2024-01-01 00:00:05.250", null, "1970-01-01 00:00:00");
        var four = new Literal(4000L, SqlType.IntervalDayTime.AsNotNull());
        Assert.Equal(new[] { "2024-01-01 00:00:01.250", null, "1969-12-31 23:59:56.000" }, k.Eval(Fn("-", ts, four)));
        Assert.Equal(new[] { "2024-01-01 00:00:09.250", null, "1970-01-01 00:00:04.000" }, k.Eval(Fn("+", ts, four)));
    }
}
