using StreamSql.Execution.Expressions;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Tests.Expressions.ExpressionTestKit;

namespace StreamSql.Execution.Tests.Expressions;

public sealed class ComparisonAndLogicTests
{
    [Fact]
    public void Column_against_literal_over_more_than_eight_rows()
    {
        var k = new ExpressionTestKit();
        var price = k.Longs(50, 150, null, 100, 101, 99, 1000, 0, 200, 100, -5);
        Assert.Equal(new[] { "FALSE", "TRUE", null, "FALSE", "TRUE", "FALSE", "TRUE", "FALSE", "TRUE", "FALSE", "FALSE" }, k.Eval(Fn(">", price, Lit(100))));
        Assert.Equal(new[] { "FALSE", "TRUE", null, "TRUE", "TRUE", "FALSE", "TRUE", "FALSE", "TRUE", "TRUE", "FALSE" }, k.Eval(Fn("<=", Lit(100), price)));
        Assert.Equal(new[] { "FALSE", "FALSE", null, "TRUE", "FALSE", "FALSE", "FALSE", "FALSE", "FALSE", "TRUE", "FALSE" }, k.Eval(Fn("=", price, Lit(100))));
    }

    [Fact]
    public void Column_against_column_with_promotion()
    {
        var k = new ExpressionTestKit();
        var a = k.Ints(1, 2, 3, null);
        var b = k.Doubles(1.0, 1.5, 3.5, 1.0);
        Assert.Equal(new[] { "TRUE", "FALSE", "FALSE", null }, k.Eval(Fn("=", a, b)));
        Assert.Equal(new[] { "FALSE", "TRUE", "FALSE", null }, k.Eval(Fn(">", a, b)));
        Assert.Equal(new[] { "FALSE", "TRUE", "TRUE", null }, k.Eval(Fn("<>", a, b)));
    }

    [Fact]
    public void Strings_compare_by_utf8_bytes()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("apple", "banana", "Äpfel", null, "");
        Assert.Equal(new[] { "TRUE", "FALSE", "FALSE", null, "TRUE" }, k.Eval(Fn("<", s, Lit("b"))));
        Assert.Equal(new[] { "FALSE", "TRUE", "FALSE", null, "FALSE" }, k.Eval(Fn("=", s, Lit("banana"))));
    }

    [Fact]
    public void Decimals_and_timestamps_compare()
    {
        var k = new ExpressionTestKit();
        var d = k.Decimals(10, 2, 1.50m, 2.25m);
        Assert.Equal(new[] { "FALSE", "TRUE" }, k.Eval(Fn(">", d, Lit(2))));
        var k2 = new ExpressionTestKit();
        var ts = k2.Timestamps(3, "2024-01-01 00:00:00", "2024-06-01 00:00:00");
        var cutoff = Lit(new DateTime(2024, 3, 1).Subtract(DateTime.UnixEpoch).Ticks / 10, SqlType.Timestamp(3).AsNotNull());
        Assert.Equal(new[] { "TRUE", "FALSE" }, k2.Eval(Fn("<", ts, cutoff)));
    }

    [Fact]
    public void And_or_not_are_three_valued()
    {
        var k = new ExpressionTestKit();
        var a = k.Bools(true, true, true, false, false, false, null, null, null);
        var b = k.Bools(true, false, null, true, false, null, true, false, null);
        Assert.Equal(new[] { "TRUE", "FALSE", null, "FALSE", "FALSE", "FALSE", null, "FALSE", null }, k.Eval(Fn("AND", a, b)));
        Assert.Equal(new[] { "TRUE", "TRUE", "TRUE", "TRUE", "FALSE", null, "TRUE", null, null }, k.Eval(Fn("OR", a, b)));
        Assert.Equal(new[] { "FALSE", "FALSE", "FALSE", "TRUE", "TRUE", "TRUE", null, null, null }, k.Eval(Fn("NOT", a)));
    }

    [Fact]
    public void Is_tests_never_return_null()
    {
        var k = new ExpressionTestKit();
        var a = k.Bools(true, false, null);
        Assert.Equal(new[] { "FALSE", "FALSE", "TRUE" }, k.Eval(Fn("IS NULL", a)));
        Assert.Equal(new[] { "TRUE", "TRUE", "FALSE" }, k.Eval(Fn("IS NOT NULL", a)));
        Assert.Equal(new[] { "TRUE", "FALSE", "FALSE" }, k.Eval(Fn("IS TRUE", a)));
        Assert.Equal(new[] { "FALSE", "TRUE", "TRUE" }, k.Eval(Fn("IS NOT TRUE", a)));
        Assert.Equal(new[] { "FALSE", "TRUE", "FALSE" }, k.Eval(Fn("IS FALSE", a)));
        Assert.Equal(new[] { "TRUE", "FALSE", "TRUE" }, k.Eval(Fn("IS NOT FALSE", a)));
    }

    [Fact]
    public void And_does_not_evaluate_the_right_side_where_the_left_is_false()
    {
        var k = new ExpressionTestKit();
        var x = k.Longs(0, 5, 20);
        var guard = Fn("<>", x, Lit(0));
        var risky = Fn(">", Fn("/", Lit(100), x), Lit(10));
        Assert.Equal(new[] { "FALSE", "TRUE", "FALSE" }, k.Eval(Fn("AND", guard, risky)));
        Assert.Throws<ExpressionEvaluationException>(() => k.Eval(Fn("AND", risky, guard)));
    }

    [Fact]
    public void Case_is_lazy_and_takes_the_common_type()
    {
        var k = new ExpressionTestKit();
        var x = k.Longs(0, 5, null, -10);
        var call = Fn("CASE", Fn("<>", x, Lit(0)), Fn("/", Lit(10), x), Lit(null, SqlType.Null));
        Assert.Equal(new[] { null, "2", null, "-1" }, k.Eval(call));
        var branches = Fn("CASE", Fn(">", x, Lit(0)), Lit("pos"), Fn("<", x, Lit(0)), Lit("negative"), Lit("zero"));
        Assert.Equal(new[] { "zero", "pos", "zero", "negative" }, k.Eval(branches));
    }

    [Fact]
    public void Coalesce_if_ifnull_nullif()
    {
        var k = new ExpressionTestKit();
        var a = k.Ints(1, null, null);
        var b = k.Longs(10, 20, null);
        Assert.Equal(new[] { "1", "20", "-1" }, k.Eval(Fn("COALESCE", a, b, Lit(-1))));
        Assert.Equal(new[] { "1", "20", null }, k.Eval(Fn("IFNULL", a, b)));
        Assert.Equal(new[] { "1", null, null }, k.Eval(Fn("NULLIF", a, Lit(2))));
        Assert.Equal(new string?[] { null, null, null }, k.Eval(Fn("NULLIF", a, Lit(1))));
        Assert.Equal(new[] { "yes", "no", "no" }, k.Eval(Fn("IF", Fn("IS NOT NULL", a), Lit("yes"), Lit("no"))));
    }

    [Fact]
    public void In_list_is_three_valued()
    {
        var k = new ExpressionTestKit();
        var a = k.Ints(1, 2, null, 4);
        Assert.Equal(new[] { "TRUE", "FALSE", null, "TRUE" }, k.Eval(Fn("IN", a, Lit(1), Lit(4), Lit(7))));
        Assert.Equal(new[] { "TRUE", null, null, null }, k.Eval(Fn("IN", a, Lit(1), Lit(null, SqlType.Int))));
        var s = new ExpressionTestKit();
        var names = s.Strings("a", "b");
        Assert.Equal(new[] { "FALSE", "TRUE" }, s.Eval(Fn("IN", names, Lit("b"), Lit("c"))));
    }

    /// <summary>Runs on a thread with a 256 KB stack: a chain of kernels one level per term (as AND/OR of many operands and IN
    /// lists of columns were built) overflows it, and a stack overflow ends the process.</summary>
    private static string?[] EvalOnSmallStack(ExpressionTestKit k, ScalarExpr e)
    {
        string?[] result = [];
        var thread = new Thread(() => result = k.Eval(e), 256 * 1024);
        thread.Start();
        thread.Join();
        return result;
    }

    [Fact]
    public void Thousands_of_OR_and_AND_operands_and_IN_list_columns_evaluate_in_order_without_deep_recursion()
    {
        const int terms = 20_000;
        var k = new ExpressionTestKit();
        var a = k.Ints(1, 2, null, 19_999, 20_000);
        var b = k.Ints(0, 0, 0, 0, 0);
        var equalities = new ScalarExpr[terms];
        for (int i = 0; i < terms; i++) equalities[i] = Fn("=", a, Lit(i));
        Assert.Equal(new[] { "TRUE", "TRUE", null, "TRUE", "FALSE" }, EvalOnSmallStack(k, Fn("OR", equalities)));
        var inequalities = new ScalarExpr[terms];
        for (int i = 0; i < terms; i++) inequalities[i] = Fn("<>", a, Lit(i + 100_000));
        Assert.Equal(new[] { "TRUE", "TRUE", null, "TRUE", "TRUE" }, EvalOnSmallStack(k, Fn("AND", inequalities)));

        // a IN (b + 0, b + 1, ...): not literals, so OR-ed equalities.
        var list = new ScalarExpr[terms + 1];
        list[0] = a;
        for (int i = 0; i < terms; i++) list[i + 1] = Fn("+", b, Lit(i));
        Assert.Equal(new[] { "TRUE", "TRUE", null, "TRUE", "FALSE" }, EvalOnSmallStack(k, Fn("IN", list)));
    }

    [Fact]
    public void Is_distinct_from_treats_nulls_as_values()
    {
        var k = new ExpressionTestKit();
        var a = k.Ints(1, null, null, 2);
        var b = k.Ints(1, null, 3, 3);
        Assert.Equal(new[] { "FALSE", "FALSE", "TRUE", "TRUE" }, k.Eval(Fn("IS DISTINCT FROM", a, b)));
        Assert.Equal(new[] { "TRUE", "TRUE", "FALSE", "FALSE" }, k.Eval(Fn("IS NOT DISTINCT FROM", a, b)));
    }

    [Fact]
    public void Constant_evaluator_folds_and_refuses_failures()
    {
        var folded = ConstantEvaluator.Instance.TryEvaluate(Fn("+", Lit(1), Lit(2)));
        Assert.NotNull(folded);
        Assert.Equal(3L, folded!.Value);
        Assert.Equal("ABC", ConstantEvaluator.Instance.TryEvaluate(Fn("UPPER", Lit("abc")))!.Value);
        Assert.Null(ConstantEvaluator.Instance.TryEvaluate(Fn("/", Lit(1), Lit(0))));
        Assert.Null(ConstantEvaluator.Instance.TryEvaluate(Cast(Lit("abc"), SqlType.Int)));
        Assert.Null(ConstantEvaluator.Instance.TryEvaluate(Fn("RAND")));
        Assert.Equal(DecimalValue.Parse("1.50"), ConstantEvaluator.Instance.TryEvaluate(Cast(Lit("1.5"), SqlType.Decimal(5, 2)))!.Value);
    }
}
