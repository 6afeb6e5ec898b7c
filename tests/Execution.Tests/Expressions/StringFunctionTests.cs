using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Tests.Expressions.ExpressionTestKit;

namespace StreamSql.Execution.Tests.Expressions;

public sealed class StringFunctionTests
{
    [Fact]
    public void Upper_lower_initcap_with_ascii_and_unicode()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("Hello World", "straße ÄÖ", null, "hELLO wORLD-foo bar");
        Assert.Equal(new[] { "HELLO WORLD", "STRASSE ÄÖ", null, "HELLO WORLD-FOO BAR" }, k.Eval(Fn("UPPER", s)));
        Assert.Equal(new[] { "hello world", "straße äö", null, "hello world-foo bar" }, k.Eval(Fn("LOWER", s)));
        Assert.Equal(new[] { "Hello World", "Straße Äö", null, "Hello World-Foo Bar" }, k.Eval(Fn("INITCAP", s)));
    }

    [Fact]
    public void Char_length_counts_code_points()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("abc", "äöü", "", "😀x", null);
        Assert.Equal(new[] { "3", "3", "0", "2", null }, k.Eval(Fn("CHAR_LENGTH", s)));
    }

    [Theory]
    [InlineData(1, 3, "abc")]
    [InlineData(0, 3, "abc")]
    [InlineData(2, 100, "bcdef")]
    [InlineData(-2, 1, "e")]
    [InlineData(-10, 2, "")]
    [InlineData(7, 1, "")]
    [InlineData(3, 0, "")]
    public void Substring_follows_flink_positions(int start, int length, string expected)
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("abcdef");
        Assert.Equal(expected, k.EvalOne(Fn("SUBSTRING", s, Lit(start), Lit(length))));
    }

    [Fact]
    public void Substring_without_length_and_negative_length()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("abcdef");
        Assert.Equal("cdef", k.EvalOne(Fn("SUBSTR", s, Lit(3))));
        Assert.Null(k.EvalOne(Fn("SUBSTRING", s, Lit(1), Lit(-1))));
    }

    [Fact]
    public void Concat_and_concat_ws()
    {
        var k = new ExpressionTestKit();
        var a = k.Strings("a", null, "c");
        var b = k.Strings("x", "y", null);
        Assert.Equal(new[] { "ax", null, null }, k.Eval(Fn("||", a, b)));
        Assert.Equal(new[] { "ax!", null, null }, k.Eval(Fn("CONCAT", a, b, Lit("!"))));
        Assert.Equal(new[] { "a-x", "y", "c" }, k.Eval(Fn("CONCAT_WS", Lit("-"), a, b)));
    }

    [Fact]
    public void Trim_family()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("  hi  ", "xxhixx");
        Assert.Equal(new[] { "hi", "xxhixx" }, k.Eval(Fn("TRIM", Unit("BOTH"), Lit(" "), s)));
        Assert.Equal(new[] { "  hi  ", "hixx" }, k.Eval(Fn("TRIM", Unit("LEADING"), Lit("x"), s)));
        Assert.Equal(new[] { "hi  ", "xxhixx" }, k.Eval(Fn("LTRIM", s)));
        Assert.Equal(new[] { "  hi", "xxhixx" }, k.Eval(Fn("RTRIM", s)));
    }

    [Fact]
    public void Position_locate_replace()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("hello world", "abc");
        Assert.Equal(new[] { "5", "0" }, k.Eval(Fn("POSITION", Lit("o"), s)));
        Assert.Equal(new[] { "8", "0" }, k.Eval(Fn("LOCATE", Lit("o"), s, Lit(6))));
        Assert.Equal(new[] { "hellX wXrld", "abc" }, k.Eval(Fn("REPLACE", s, Lit("o"), Lit("X"))));
    }

    [Fact]
    public void Regexp_functions()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("foo123bar456", "nothing", null);
        Assert.Equal(new[] { "123", null, null }, k.Eval(Fn("REGEXP_EXTRACT", s, Lit("([a-z]+)(\\d+)"), Lit(2))));
        Assert.Equal(new[] { "foo123", null, null }, k.Eval(Fn("REGEXP_EXTRACT", s, Lit("([a-z]+)(\\d+)"))));
        Assert.Equal(new string?[] { null, null, null }, k.Eval(Fn("REGEXP_EXTRACT", s, Lit("([a-z]+)(\\d+)"), Lit(5))));
        Assert.Equal(new[] { "foo#bar#", "nothing", null }, k.Eval(Fn("REGEXP_REPLACE", s, Lit("\\d+"), Lit("#"))));
        Assert.Equal(new[] { "TRUE", "FALSE", null }, k.Eval(Fn("REGEXP", s, Lit("\\d"))));
    }

    [Fact]
    public void Like_with_and_without_escape()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("apple", "pineapple", "ap_le", "APPLE", null, "a%b");
        Assert.Equal(new[] { "TRUE", "FALSE", "TRUE", "FALSE", null, "FALSE" }, k.Eval(Fn("LIKE", s, Lit("ap%"))));
        Assert.Equal(new[] { "TRUE", "TRUE", "FALSE", "FALSE", null, "FALSE" }, k.Eval(Fn("LIKE", s, Lit("%apple"))));
        Assert.Equal(new[] { "TRUE", "TRUE", "TRUE", "FALSE", null, "FALSE" }, k.Eval(Fn("LIKE", s, Lit("%p_le"))));
        Assert.Equal(new[] { "FALSE", "FALSE", "TRUE", "FALSE", null, "FALSE" }, k.Eval(Fn("LIKE", s, Lit("ap!_le"), Lit("!"))));
        Assert.Equal(new[] { "FALSE", "FALSE", "FALSE", "FALSE", null, "TRUE" }, k.Eval(Fn("LIKE", s, Lit("a!%b"), Lit("!"))));
        Assert.Equal(new[] { "TRUE", "FALSE", "FALSE", "FALSE", null, "FALSE" }, k.Eval(Fn("SIMILAR TO", s, Lit("(apple|pear)"))));
    }

    [Fact]
    public void Split_index_pads_repeat_left_right()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("a,b,,c");
        Assert.Equal("b", k.EvalOne(Fn("SPLIT_INDEX", s, Lit(","), Lit(1))));
        Assert.Equal("", k.EvalOne(Fn("SPLIT_INDEX", s, Lit(","), Lit(2))));
        Assert.Null(k.EvalOne(Fn("SPLIT_INDEX", s, Lit(","), Lit(4))));
        Assert.Equal("xya,b,,c", k.EvalOne(Fn("LPAD", s, Lit(8), Lit("xy"))));
        Assert.Equal("a,", k.EvalOne(Fn("LPAD", s, Lit(2), Lit("xy"))));
        Assert.Equal("a,b,,cxyx", k.EvalOne(Fn("RPAD", s, Lit(9), Lit("xy"))));
        Assert.Null(k.EvalOne(Fn("RPAD", s, Lit(-1), Lit("xy"))));
        Assert.Equal("a,b,,ca,b,,c", k.EvalOne(Fn("REPEAT", s, Lit(2))));
        Assert.Equal("a,", k.EvalOne(Fn("LEFT", s, Lit(2))));
        Assert.Equal(",c", k.EvalOne(Fn("RIGHT", s, Lit(2))));
        Assert.Equal("", k.EvalOne(Fn("LEFT", s, Lit(-1))));
        Assert.Equal("c,,b,a", k.EvalOne(Fn("REVERSE", s)));
    }

    [Fact]
    public void Hashes()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("abc");
        Assert.Equal("900150983cd24fb0d6963f7d28e17f72", k.EvalOne(Fn("MD5", s)));
        Assert.Equal("96354", k.EvalOne(Fn("HASH_CODE", s)));
        // Flink's MD5 is CHAR(32) (FlinkSqlOperatorTable: explicit(CHAR, 32)).
        Assert.Equal(SqlType.Char(32).WithNullable(Fn("MD5", s).Type.Nullable), Fn("MD5", s).Type);
    }
}
