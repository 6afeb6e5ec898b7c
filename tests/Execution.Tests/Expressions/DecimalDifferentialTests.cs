using System.Globalization;
using System.Numerics;
using System.Text;
using StreamSql.Execution.Expressions;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Tests.Expressions.ExpressionTestKit;

namespace StreamSql.Execution.Tests.Expressions;

/// <summary>
/// Random DECIMAL expressions and casts at every precision up to 38, checked against a reference written here with
/// <see cref="BigInteger"/> that spells out Java's BigDecimal as Flink uses it: the result type from
/// <c>LogicalTypeMerging</c>, the exact result, <c>divide(MathContext(38, HALF_UP))</c> for /, <c>setScale(s, HALF_UP)</c>,
/// and null when the result has more digits than its precision (<c>DecimalData.fromBigDecimal</c>).
/// </summary>
public sealed class DecimalDifferentialTests
{
    private const int Seed = 20240413;

    /// <summary>An exact decimal number: Unscaled × 10^-Scale.</summary>
    private readonly record struct Big(BigInteger Unscaled, int Scale);

    [Fact]
    public void Random_arithmetic_matches_bigdecimal_at_every_precision()
    {
        var random = new Random(Seed);
        int checkedValues = 0, nulls = 0;
        for (int pair = 0; pair < 400; pair++)
        {
            var (p1, s1) = RandomType(random);
            var (p2, s2) = RandomType(random);
            const int rows = 16;
            var xs = Enumerable.Range(0, rows).Select(_ => RandomValue(random, p1, s1)).ToArray();
            var ys = Enumerable.Range(0, rows).Select(_ => RandomValue(random, p2, s2, nonZero: true)).ToArray();
            var k = new ExpressionTestKit();
            var a = k.ExactDecimals(p1, s1, xs.Select(x => Text(x)).ToArray());
            var b = k.ExactDecimals(p2, s2, ys.Select(y => Text(y)).ToArray());
            foreach (var op in new[] { "+", "-", "*", "/", "%" })
            {
                var call = Fn(op, a, b);
                var (p, s) = ReferenceType(op, p1, s1, p2, s2);
                Assert.Equal(SqlType.Decimal(p, s), call.Type.WithNullable(true));
                var actual = k.Eval(call);
                for (int r = 0; r < rows; r++)
                {
                    var expected = Fit(SetScale(Apply(op, xs[r], ys[r]), s), p);
                    if (expected is null) nulls++;
                    checkedValues++;
                    Assert.True(expected == actual[r],
                        $"DECIMAL({p1}, {s1}) {Text(xs[r])} {op} DECIMAL({p2}, {s2}) {Text(ys[r])} as DECIMAL({p}, {s}): expected {expected ?? "NULL"}, got {actual[r] ?? "NULL"}");
                }
            }
        }
        Assert.True(nulls > 50 && nulls < checkedValues / 2, $"the random cases should overflow sometimes, not mostly: {nulls} of {checkedValues}");
    }

    [Fact]
    public void Constant_folding_gives_the_same_values_as_columns()
    {
        var random = new Random(Seed + 1);
        for (int i = 0; i < 300; i++)
        {
            var (p1, s1) = RandomType(random);
            var (p2, s2) = RandomType(random);
            var x = RandomValue(random, p1, s1);
            var y = RandomValue(random, p2, s2, nonZero: true);
            var op = new[] { "+", "-", "*", "/", "%" }[random.Next(5)];
            var call = Fn(op, Lit(Parse(Text(x), p1, s1), SqlType.Decimal(p1, s1).AsNotNull()), Lit(Parse(Text(y), p2, s2), SqlType.Decimal(p2, s2).AsNotNull()));
            var (p, s) = ReferenceType(op, p1, s1, p2, s2);
            var expected = Fit(SetScale(Apply(op, x, y), s), p);
            var folded = ConstantEvaluator.Instance.TryEvaluate(call);
            Assert.NotNull(folded);
            Assert.Equal(expected, folded!.Value is null ? null : ((DecimalValue)folded.Value).ToString());
        }
    }

    [Fact]
    public void Random_casts_between_decimals_strings_and_integers_match_bigdecimal()
    {
        var random = new Random(Seed + 2);
        for (int i = 0; i < 400; i++)
        {
            var (p1, s1) = RandomType(random);
            var (p, s) = RandomType(random);
            var values = Enumerable.Range(0, 8).Select(_ => RandomValue(random, p1, s1)).ToArray();
            var k = new ExpressionTestKit();
            var column = k.ExactDecimals(p1, s1, values.Select(v => Text(v)).ToArray());
            var target = SqlType.Decimal(p, s);

            var fromDecimal = k.Eval(Cast(column, target));
            var texts = values.Select(v => RandomSpelling(random, v)).ToArray();
            // Text that does not fit fails CAST (Flink's StringToDecimalCastRule), so TRY_CAST shows the NULL of an overflow.
            var fromText = k.Eval(Cast(k.Strings(texts), target, tryCast: true));
            var asText = k.Eval(Cast(column, SqlType.String));
            for (int r = 0; r < values.Length; r++)
            {
                var expected = Fit(SetScale(values[r], s), p);
                Assert.True(expected == fromDecimal[r], $"CAST({Text(values[r])} AS {target}): expected {expected ?? "NULL"}, got {fromDecimal[r] ?? "NULL"}");
                Assert.True(expected == fromText[r], $"CAST('{texts[r]}' AS {target}): expected {expected ?? "NULL"}, got {fromText[r] ?? "NULL"}");
                Assert.Equal(Text(values[r]), asText[r]);
            }

            long integer = random.Next(3) switch { 0 => random.NextInt64(), 1 => -random.NextInt64(1000), _ => random.Next(100) };
            var fromBigint = new ExpressionTestKit().EvalOne(Cast(Lit(integer, SqlType.BigInt.AsNotNull()), target));
            Assert.Equal(Fit(SetScale(new Big(integer, 0), s), p), fromBigint);
        }
    }

    [Fact]
    public void Bigint_times_decimal_literal_or_column_matches_bigdecimal()
    {
        // The kernels that read the BIGINT as it is (no widened DECIMAL(19, 0) copy), with a literal or a column on
        // either side: extremes, nulls and results beyond the precision included.
        var random = new Random(Seed + 4);
        int checkedValues = 0, nulls = 0;
        for (int i = 0; i < 300; i++)
        {
            var (p2, s2) = RandomType(random);
            const int rows = 24;
            var longs = new long?[rows];
            for (int r = 0; r < rows; r++)
                longs[r] = random.Next(6) switch
                {
                    0 => null,
                    1 => random.Next(2) == 0 ? long.MaxValue : long.MinValue,
                    2 => random.NextInt64(long.MinValue, long.MaxValue),
                    3 => random.NextInt64(-1000, 1000),
                    _ => random.NextInt64(-10_000_000_000, 10_000_000_000),
                };
            var factor = RandomValue(random, p2, s2);
            var factors = Enumerable.Range(0, rows).Select(_ => RandomValue(random, p2, s2)).ToArray();
            var k = new ExpressionTestKit();
            var x = k.Longs(longs);
            var column = k.ExactDecimals(p2, s2, factors.Select(f => Text(f)).ToArray());
            var literal = Lit(Parse(Text(factor), p2, s2), SqlType.Decimal(p2, s2).AsNotNull());
            var (p, s) = ReferenceType("*", 19, 0, p2, s2);
            foreach (var (call, ys) in new[]
            {
                (Fn("*", literal, x), Enumerable.Repeat(factor, rows).ToArray()),
                (Fn("*", x, literal), Enumerable.Repeat(factor, rows).ToArray()),
                (Fn("*", column, x), factors),
                (Fn("*", x, column), factors),
            })
            {
                Assert.Equal(SqlType.Decimal(p, s), call.Type.WithNullable(true));
                var actual = k.Eval(call);
                for (int r = 0; r < rows; r++)
                {
                    var expected = longs[r] is { } v ? Fit(SetScale(Apply("*", new Big(v, 0), ys[r]), s), p) : null;
                    if (expected is null) nulls++;
                    checkedValues++;
                    Assert.True(expected == actual[r],
                        $"{call}: BIGINT {longs[r]?.ToString(CultureInfo.InvariantCulture) ?? "NULL"} * DECIMAL({p2}, {s2}) {Text(ys[r])} as DECIMAL({p}, {s}): expected {expected ?? "NULL"}, got {actual[r] ?? "NULL"}");
                }
            }
        }
        Assert.True(nulls > 100 && nulls < checkedValues / 2, $"the random cases should overflow sometimes, not mostly: {nulls} of {checkedValues}");
    }

    [Fact]
    public void Comparisons_across_scales_match_the_values()
    {
        var random = new Random(Seed + 3);
        for (int i = 0; i < 200; i++)
        {
            var (p1, s1) = RandomType(random);
            var (p2, s2) = RandomType(random);
            var x = RandomValue(random, p1, s1);
            // Often the same number at another scale, to test equality across scales.
            var same = SetScale(x, s2);
            bool representable = Compare(same, x) == 0 && Fit(same, p2) is not null;
            var y = random.Next(3) == 0 && representable ? same : RandomValue(random, p2, s2);
            var k = new ExpressionTestKit();
            var a = k.ExactDecimals(p1, s1, Text(x));
            var b = k.ExactDecimals(p2, s2, Text(y));
            int c = Compare(x, y);
            Assert.Equal(c == 0 ? "TRUE" : "FALSE", k.EvalOne(Fn("=", a, b)));
            Assert.Equal(c < 0 ? "TRUE" : "FALSE", k.EvalOne(Fn("<", a, b)));
            Assert.Equal(c > 0 ? "TRUE" : "FALSE", k.EvalOne(Fn(">", a, Lit(Parse(Text(y), p2, s2), SqlType.Decimal(p2, s2).AsNotNull()))));
        }
    }

    // ---- the reference: BigDecimal as Flink uses it, spelled out with BigInteger ----

    private static (int P, int S) RandomType(Random random)
    {
        int p = random.Next(4) == 0 ? 38 : random.Next(1, 39);
        int s = random.Next(3) == 0 ? 0 : random.Next(0, p + 1);
        return (p, s);
    }

    /// <summary>A value of DECIMAL(p, s): often all p digits, sometimes short, sometimes zero.</summary>
    private static Big RandomValue(Random random, int p, int s, bool nonZero = false)
    {
        int digits = random.Next(3) switch { 0 => p, 1 => random.Next(1, p + 1), _ => random.Next(1, Math.Min(p, 6) + 1) };
        var sb = new StringBuilder();
        for (int i = 0; i < digits; i++) sb.Append((char)('0' + random.Next(i == 0 ? 1 : 0, 10)));
        var unscaled = BigInteger.Parse(sb.ToString(), CultureInfo.InvariantCulture);
        if (!nonZero && random.Next(20) == 0) unscaled = 0;
        if (random.Next(2) == 0) unscaled = -unscaled;
        return new Big(unscaled, s);
    }

    private static (int P, int S) ReferenceType(string op, int p1, int s1, int p2, int s2)
    {
        int p, s;
        switch (op)
        {
            case "+" or "-": s = Math.Max(s1, s2); p = Math.Max(p1 - s1, p2 - s2) + s + 1; break;
            // Flink's findMultiplicationDecimalType (FLINK-22586): p1 + p2 + 1 (MathFunctionsITCase: DECIMAL(19, 0) * INT is DECIMAL(30, 0)).
            case "*": s = s1 + s2; p = p1 + p2 + 1; break;
            case "/": s = Math.Max(6, s1 + p2 + 1); p = p1 - s1 + s2 + s; break;
            default: s = Math.Max(s1, s2); p = Math.Min(p1 - s1, p2 - s2) + s; break;
        }
        if (p <= 38) return (p, s);
        int integerDigits = p - s;
        return (38, Math.Max(38 - integerDigits, Math.Min(s, 6)));
    }

    private static Big Apply(string op, Big x, Big y) => op switch
    {
        "+" => Add(x, y),
        "-" => Add(x, new Big(-y.Unscaled, y.Scale)),
        "*" => new Big(x.Unscaled * y.Unscaled, x.Scale + y.Scale),
        "/" => DivideTo38Digits(x, y),
        _ => Remainder(x, y),
    };

    private static Big Add(Big x, Big y)
    {
        int s = Math.Max(x.Scale, y.Scale);
        return new Big(x.Unscaled * BigInteger.Pow(10, s - x.Scale) + y.Unscaled * BigInteger.Pow(10, s - y.Scale), s);
    }

    private static Big Remainder(Big x, Big y)
    {
        int s = Math.Max(x.Scale, y.Scale);
        return new Big(BigInteger.Remainder(x.Unscaled * BigInteger.Pow(10, s - x.Scale), y.Unscaled * BigInteger.Pow(10, s - y.Scale)), s);
    }

    /// <summary><c>x.divide(y, new MathContext(38, HALF_UP))</c>: the quotient's first 38 significant digits, rounded half up.</summary>
    private static Big DivideTo38Digits(Big x, Big y)
    {
        // x / y = n / d exactly.
        var n = BigInteger.Abs(x.Unscaled) * BigInteger.Pow(10, y.Scale);
        var d = BigInteger.Abs(y.Unscaled) * BigInteger.Pow(10, x.Scale);
        int sign = x.Unscaled.Sign * y.Unscaled.Sign;
        if (n.IsZero) return new Big(0, 0);
        // Find k with 10^37 ≤ n·10^k / d < 10^38: t holds exactly 38 digits of the quotient.
        int k = 38 - (n.ToString(CultureInfo.InvariantCulture).Length - d.ToString(CultureInfo.InvariantCulture).Length);
        while (true)
        {
            var t = Scaled(n, d, k, out var remainder, out var divisor);
            int digits = t.ToString(CultureInfo.InvariantCulture).Length;
            if (digits > 38) { k--; continue; }
            if (digits < 38) { k++; continue; }
            if (remainder * 2 >= divisor) t += 1;
            return new Big(sign * t, k);
        }
    }

    private static BigInteger Scaled(BigInteger n, BigInteger d, int k, out BigInteger remainder, out BigInteger divisor)
    {
        divisor = k >= 0 ? d : d * BigInteger.Pow(10, -k);
        var dividend = k >= 0 ? n * BigInteger.Pow(10, k) : n;
        return BigInteger.DivRem(dividend, divisor, out remainder);
    }

    /// <summary><c>setScale(scale, RoundingMode.HALF_UP)</c>.</summary>
    private static Big SetScale(Big v, int scale)
    {
        if (scale >= v.Scale) return new Big(v.Unscaled * BigInteger.Pow(10, scale - v.Scale), scale);
        var divisor = BigInteger.Pow(10, v.Scale - scale);
        var q = BigInteger.DivRem(BigInteger.Abs(v.Unscaled), divisor, out var r);
        if (r * 2 >= divisor) q += 1;
        return new Big(v.Unscaled.Sign < 0 ? -q : q, scale);
    }

    /// <summary>The value's text in DECIMAL(p, s), or null when it has more than p digits.</summary>
    private static string? Fit(Big v, int precision) =>
        BigInteger.Abs(v.Unscaled) >= BigInteger.Pow(10, precision) ? null : Text(v);

    /// <summary>Plain text with exactly the scale's digits: BigDecimal.toPlainString.</summary>
    private static string Text(Big v)
    {
        var digits = BigInteger.Abs(v.Unscaled).ToString(CultureInfo.InvariantCulture);
        if (v.Scale > 0)
        {
            digits = digits.PadLeft(v.Scale + 1, '0');
            digits = digits[..^v.Scale] + "." + digits[^v.Scale..];
        }
        return v.Unscaled.Sign < 0 ? "-" + digits : digits;
    }

    /// <summary>The same number written as Java's BigDecimal also reads it: exponents, signs, blanks, extra zeros.</summary>
    private static string RandomSpelling(Random random, Big v)
    {
        var plain = Text(v);
        switch (random.Next(5))
        {
            case 0: return "  " + plain + " ";
            case 1: return (v.Unscaled.Sign >= 0 ? "+" : "") + plain + (v.Scale > 0 ? "000" : "");
            case 2:
                {
                    var digits = BigInteger.Abs(v.Unscaled).ToString(CultureInfo.InvariantCulture);
                    return (v.Unscaled.Sign < 0 ? "-" : "") + digits + "E-" + v.Scale.ToString(CultureInfo.InvariantCulture);
                }
            case 3:
                {
                    var digits = BigInteger.Abs(v.Unscaled).ToString(CultureInfo.InvariantCulture);
                    int exponent = digits.Length - 1 - v.Scale;
                    var mantissa = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
                    return (v.Unscaled.Sign < 0 ? "-" : "") + mantissa + "e" + (exponent >= 0 ? "+" : "") + exponent.ToString(CultureInfo.InvariantCulture);
                }
            default: return plain;
        }
    }

    private static int Compare(Big x, Big y)
    {
        int s = Math.Max(x.Scale, y.Scale);
        return (x.Unscaled * BigInteger.Pow(10, s - x.Scale)).CompareTo(y.Unscaled * BigInteger.Pow(10, s - y.Scale));
    }

    private static DecimalValue Parse(string text, int p, int s)
    {
        Assert.Equal(DecimalParseStatus.Ok, DecimalValue.TryParse(text, p, s, out var value));
        return value;
    }
}
