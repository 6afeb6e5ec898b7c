using System.Globalization;
using StreamSql.Execution.Expressions;
using StreamSql.Execution.Expressions.Kernels;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Tests.Expressions.ExpressionTestKit;

namespace StreamSql.Execution.Tests.Expressions;

/// <summary>
/// MOD / % of an integer column by a literal (q2's <c>MOD(auction, 123)</c>) against Java's remainder written here:
/// the dividend's sign, <c>MIN % -1 = 0</c>, the result in the divisor's type, dividends and divisors on both sides of the
/// 32-bit fast path.
/// </summary>
public sealed class RemainderByConstantTests
{
    private static long JavaRemainder(long x, long d) => d == -1 ? 0 : x % d;

    [Fact]
    public void Bigint_by_literal_matches_java_on_random_values()
    {
        var random = new Random(20261204);
        long[] divisors = { 1, -1, 2, -2, 3, 7, -7, 123, 1000, int.MaxValue, (long)int.MaxValue + 2, uint.MaxValue, (long)uint.MaxValue + 1,
            -(long)uint.MaxValue, long.MaxValue, long.MinValue, 1L << 40, random.NextInt64(2, 1L << 32), random.NextInt64(1L << 32, long.MaxValue) };
        foreach (long d in divisors)
        {
            var values = new long?[200];
            for (int i = 0; i < values.Length; i++)
                values[i] = (i % 9) switch
                {
                    0 => null,
                    1 => long.MinValue + i % 3,
                    2 => long.MaxValue - i % 3,
                    3 => random.NextInt64(-5000, 5000),
                    4 => random.NextInt64(0, uint.MaxValue + 1L),
                    5 => -random.NextInt64(0, uint.MaxValue + 1L),
                    6 => (i % 2 == 0 ? 1 : -1) * (long)uint.MaxValue,
                    _ => random.NextInt64(long.MinValue, long.MaxValue),
                };
            var type = d is >= int.MinValue and <= int.MaxValue ? SqlType.Int : SqlType.BigInt;
            var k = new ExpressionTestKit();
            var column = k.Longs(values);
            var call = Fn("MOD", column, Lit(d, type.AsNotNull()));
            Assert.Equal(type.Kind, call.Type.Kind);
            Assert.IsAssignableFrom<VectorExpression>(ExpressionCompiler.Compile(call, k.Schema));
            Assert.False(ExpressionCompiler.Compile(call, k.Schema) is NumericArithmetic<long> or IntegerCast<long, int>, "MOD by a literal takes its own kernel");
            var actual = k.Eval(call);
            var percent = k.Eval(Fn("%", column, Lit(d, type.AsNotNull())));
            for (int i = 0; i < values.Length; i++)
            {
                string? expected = values[i] is { } x
                    ? (type.Kind == SqlTypeKind.Int ? (long)(int)JavaRemainder(x, d) : JavaRemainder(x, d)).ToString(CultureInfo.InvariantCulture)
                    : null;
                Assert.True(expected == actual[i], $"MOD({values[i]}, {d}): expected {expected ?? "NULL"}, got {actual[i] ?? "NULL"}");
                Assert.Equal(expected, percent[i]);
            }
        }
    }

    [Fact]
    public void Int_and_smallint_dividends_and_the_q2_filter()
    {
        var k = new ExpressionTestKit();
        var ints = k.Ints(int.MinValue, -246, 245, 0, null, int.MaxValue);
        Assert.Equal(new[] { "-80", "0", "122", "0", null, "79" }, k.Eval(Fn("MOD", ints, Lit(123))));
        Assert.Equal(new[] { "0", "0", "0", "0", null, "0" }, k.Eval(Fn("MOD", ints, Lit(-1))));
        var k2 = new ExpressionTestKit();
        var auction = k2.Longs(1000, 1107, 0, -123, null, 1230);
        Assert.Equal(new[] { "FALSE", "TRUE", "TRUE", "TRUE", null, "TRUE" }, k2.Eval(Fn("=", Fn("MOD", auction, Lit(123)), Lit(0))));
    }

    [Fact]
    public void A_zero_divisor_fails_for_a_value_and_not_for_nulls_only()
    {
        var k = new ExpressionTestKit();
        var values = k.Longs(5, null);
        var e = Assert.Throws<ExpressionEvaluationException>(() => k.Eval(Fn("MOD", values, Lit(0))));
        Assert.Contains("Division by zero", e.Message);
        var k2 = new ExpressionTestKit();
        var nulls = k2.Longs(null, null);
        Assert.Equal(new string?[] { null, null }, k2.Eval(Fn("MOD", nulls, Lit(0))));
    }
}
