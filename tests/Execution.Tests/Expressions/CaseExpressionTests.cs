using Apache.Arrow;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Tests.Expressions.ExpressionTestKit;

namespace StreamSql.Execution.Tests.Expressions;

/// <summary>
/// CASE evaluated a column at a time (conditions as masks, string branches copied from their buffers) against a plain
/// row-by-row reading of the same rows: first TRUE condition wins, NULL and FALSE fall through, over more than one
/// 64-row word, with NULL values in the branches, a NULL literal branch, a sliced column and a branch that fails on rows
/// that do not take it.
/// </summary>
public sealed class CaseExpressionTests
{
    [Fact]
    public void String_branches_take_the_first_true_condition_row_by_row()
    {
        var random = new Random(3);
        const int n = 300;
        var a = new bool?[n];
        var b = new bool?[n];
        var s = new string?[n];
        var t = new string?[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = random.Next(5) == 0 ? null : random.Next(3) == 0;
            b[i] = random.Next(5) == 0 ? null : random.Next(2) == 0;
            s[i] = random.Next(6) == 0 ? null : "s" + new string('é', random.Next(0, 4)) + i;
            t[i] = random.Next(6) == 0 ? null : i % 7 == 0 ? "" : "t" + i;
        }
        var builder = new StringArray.Builder();
        builder.Append("dropped");
        foreach (var v in t) { if (v is null) builder.AppendNull(); else builder.Append(v); }
        var k = new ExpressionTestKit();
        var ca = k.Bools(a);
        var cb = k.Bools(b);
        var cs = k.Strings(s);
        var ct = k.Column("t", SqlType.String, ArrowArrayFactory.BuildArray(builder.Build().Data.Slice(1, n)));

        var expected = new string?[n];
        for (int i = 0; i < n; i++) expected[i] = a[i] == true ? "lit" : b[i] == true ? s[i] : t[i];
        Assert.Equal(expected, k.Eval(Fn("CASE", ca, Lit("lit"), cb, cs, ct)));

        for (int i = 0; i < n; i++) expected[i] = a[i] == true ? s[i] : b[i] == true ? null : "other";
        Assert.Equal(expected, k.Eval(Fn("CASE", ca, cs, cb, Lit(null, SqlType.String), Lit("other"))));

        // No row takes the first branch; every row the ELSE.
        var never = Fn("=", Lit(1), Lit(2));
        Assert.Equal(t, k.Eval(Fn("CASE", never, cs, ct)));
    }

    [Fact]
    public void A_string_branch_that_fails_elsewhere_is_evaluated_only_where_taken()
    {
        var values = Enumerable.Range(0, 150).Select(i => (long?)(i % 5 == 0 ? 0 : i % 9 == 0 ? null : i - 70)).ToArray();
        var k = new ExpressionTestKit();
        var x = k.Longs(values);
        var call = Fn("CASE", Fn("<>", x, Lit(0)), Cast(Fn("/", Lit(1000), x), SqlType.String), Lit("zero"));
        var expected = values.Select(v => v is null ? "zero" : v == 0 ? "zero" : (1000 / v.Value).ToString()).ToArray();
        Assert.Equal(expected, k.Eval(call));
    }

    [Fact]
    public void Numeric_branches_keep_their_values_and_nulls()
    {
        var values = Enumerable.Range(0, 130).Select(i => (long?)(i % 11 == 0 ? null : i)).ToArray();
        var k = new ExpressionTestKit();
        var x = k.Longs(values);
        var call = Fn("CASE", Fn(">", x, Lit(100)), x, Fn(">", x, Lit(50)), Lit(-1), Fn("-", x, Lit(1)));
        var expected = values.Select(v => v is null ? null : v > 100 ? v.ToString() : v > 50 ? "-1" : (v - 1).ToString()).ToArray();
        Assert.Equal(expected, k.Eval(call));
    }
}
