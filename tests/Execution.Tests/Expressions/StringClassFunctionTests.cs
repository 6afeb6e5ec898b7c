using static StreamSql.Execution.Tests.Expressions.ExpressionTestKit;

namespace StreamSql.Execution.Tests.Expressions;

/// <summary>Flink's IS_ALPHA, IS_DIGIT, IS_DECIMAL (never NULL: FALSE for NULL and '') and Flink 2.0's STARTSWITH and
/// ENDSWITH (NULL for NULL; TRUE for an empty prefix), with the examples of Flink's docs and issues.</summary>
public sealed class StringClassFunctionTests
{
    [Fact]
    public void Is_alpha_is_digit_and_is_decimal_test_the_whole_text()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("abc", "ab1", "123", "12.3", "", null, "ÄÖü", "١٢٣", " 1e5 ", "-.5d", "1e", "NaN", "+Infinity", "1.2.3", "0x10");
        Assert.Equal(new[] { "TRUE", "FALSE", "FALSE", "FALSE", "FALSE", "FALSE", "TRUE", "FALSE", "FALSE", "FALSE", "FALSE", "TRUE", "FALSE", "FALSE", "FALSE" },
            k.Eval(Fn("IS_ALPHA", s)));
        Assert.Equal(new[] { "FALSE", "FALSE", "TRUE", "FALSE", "FALSE", "FALSE", "FALSE", "TRUE", "FALSE", "FALSE", "FALSE", "FALSE", "FALSE", "FALSE", "FALSE" },
            k.Eval(Fn("IS_DIGIT", s)));
        Assert.Equal(new[] { "FALSE", "FALSE", "TRUE", "TRUE", "FALSE", "FALSE", "FALSE", "FALSE", "TRUE", "TRUE", "FALSE", "TRUE", "TRUE", "FALSE", "FALSE" },
            k.Eval(Fn("IS_DECIMAL", s)));
        Assert.False(Fn("IS_DECIMAL", s).Type.Nullable);
    }

    [Fact]
    public void Startswith_and_endswith_follow_flinks_examples()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("SparkSQL", "SparkSQL", null, "x");
        var start = k.Strings("Spark", "spark", "a", "");
        Assert.Equal(new[] { "TRUE", "FALSE", null, "TRUE" }, k.Eval(Fn("STARTSWITH", s, start)));
        var end = k.Strings("SQL", "sql", "a", "");
        Assert.Equal(new[] { "TRUE", "FALSE", null, "TRUE" }, k.Eval(Fn("ENDSWITH", s, end)));
    }
}
