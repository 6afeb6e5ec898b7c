using StreamSql.Execution.Expressions;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Tests.Expressions.ExpressionTestKit;

namespace StreamSql.Execution.Tests.Expressions;

/// <summary>REGEXP_COUNT, REGEXP_INSTR, REGEXP_SUBSTR and REGEXP_EXTRACT_ALL (Flink 2.x).</summary>
public sealed class RegexFunctionTests
{
    private static Literal NullString => new(null, SqlType.String);

    [Fact]
    public void Regexp_count_counts_matches_and_is_null_for_null_or_invalid_patterns()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("ab1c22d333", "", "none", null);
        Assert.Equal(new[] { "3", "0", "0", null }, k.Eval(Fn("REGEXP_COUNT", s, Lit("\\d+"))));
        Assert.Equal(new[] { "11", "1", "5", null }, k.Eval(Fn("REGEXP_COUNT", s, Lit(""))));
        Assert.Equal(new string?[] { null, null, null, null }, k.Eval(Fn("REGEXP_COUNT", s, Lit("("))));
        Assert.Equal(new string?[] { null, null, null, null }, k.Eval(Fn("REGEXP_COUNT", s, NullString)));
        Assert.Equal(SqlTypeKind.Int, Fn("REGEXP_COUNT", s, Lit("a")).Type.Kind);
    }

    [Fact]
    public void Regexp_instr_is_one_based_and_zero_without_a_match()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("abc123", "äbc1", "xyz", null);
        Assert.Equal(new[] { "4", "4", "0", null }, k.Eval(Fn("REGEXP_INSTR", s, Lit("[0-9]"))));
        Assert.Equal(new string?[] { null, null, null, null }, k.Eval(Fn("REGEXP_INSTR", s, Lit("[a-"))));
    }

    [Fact]
    public void Regexp_substr_is_the_first_match_or_null()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("I have 10 apples and 20 pears", "none", null);
        Assert.Equal(new[] { "10", null, null }, k.Eval(Fn("REGEXP_SUBSTR", s, Lit("\\d+"))));
        Assert.Equal(new string?[] { null, null, null }, k.Eval(Fn("REGEXP_SUBSTR", s, Lit("("))));
    }

    [Fact]
    public void Regexp_extract_all_takes_group_one_by_default_and_null_for_absent_groups()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("a1b2c", "x", "", null);
        Assert.Equal(new[] { "[1, 2]", "[]", "[]", null }, k.Eval(Fn("REGEXP_EXTRACT_ALL", s, Lit("[a-z](\\d)"))));
        Assert.Equal(new[] { "[a1, b2]", "[]", "[]", null }, k.Eval(Fn("REGEXP_EXTRACT_ALL", s, Lit("[a-z](\\d)"), Lit(0))));
        Assert.Equal("[1, NULL, 2, NULL]", k.EvalOne(Fn("REGEXP_EXTRACT_ALL", Lit("1a2b"), Lit("(\\d)|([a-z])"))));
        Assert.Null(k.EvalOne(Fn("REGEXP_EXTRACT_ALL", s, Lit("(a)"), new Literal(null, SqlType.Int))));
    }

    [Fact]
    public void Regexp_extract_all_fails_on_an_invalid_pattern_or_group()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("a1");
        var group = Assert.Throws<ExpressionEvaluationException>(() => k.Eval(Fn("REGEXP_EXTRACT_ALL", s, Lit("(\\d)"), Lit(2))));
        Assert.Contains("out of range [0, 1]", group.Message);
        var pattern = Assert.Throws<ExpressionEvaluationException>(() => k.Eval(Fn("REGEXP_EXTRACT_ALL", s, Lit("("))));
        Assert.Contains("invalid regular expression", pattern.Message);
        // Not folded at planning: the error surfaces at run time, as in Flink.
        Assert.Null(ConstantEvaluator.Instance.TryEvaluate(Fn("REGEXP_EXTRACT_ALL", Lit("a1"), Lit("("))));
    }

    [Fact]
    public void Constant_folding_agrees_with_the_runtime()
    {
        var k = new ExpressionTestKit();
        foreach (var call in new[] { Fn("REGEXP_COUNT", Lit("a1b22"), Lit("\\d")), Fn("REGEXP_INSTR", Lit("a1b22"), Lit("b")),
                     Fn("REGEXP_SUBSTR", Lit("a1b22"), Lit("\\d\\d")) })
        {
            var folded = ConstantEvaluator.Instance.TryEvaluate(call);
            Assert.NotNull(folded);
            Assert.Equal(k.EvalOne(call), Convert.ToString(folded!.Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
