using System.Globalization;

namespace StreamSql.Tests.Differential;

/// <summary>
/// Random scalar expressions over <see cref="RandomTable"/>'s columns, in both dialects, kept to where Flink's and
/// DuckDB's semantics agree: no integer overflow (small literals, shallow products), no division, no casts that round
/// differently (Flink truncates DECIMAL to INT, DuckDB rounds), NULL propagation through <c>||</c> on both sides.
/// </summary>
internal sealed class ExpressionGenerator(Random random)
{
    private static readonly string[] Comparisons = ["=", "<>", "<", "<=", ">", ">="];
    private static readonly string[] Words = ["a", "ab", "x", "", "Zed", "q"];

    private int Small() => random.Next(-20, 50);

    private static string Text(string word) => "'" + word + "'";

    /// <summary>An integer expression (INT or BIGINT).</summary>
    public DualSql Integer(int depth = 0)
    {
        int choice = random.Next(depth >= 2 ? 3 : 9);
        switch (choice)
        {
            case 0: return DualSql.Same("k");
            case 1: return DualSql.Same("v");
            case 2: return DualSql.Same(Small().ToString(CultureInfo.InvariantCulture));
            case 3:
            {
                var (a, b) = (Integer(depth + 1), Integer(depth + 1));
                var op = random.Next(2) == 0 ? "+" : "-";
                return new($"({a.Engine} {op} {b.Engine})", $"({a.DuckDb} {op} {b.DuckDb})");
            }
            case 4:
            {
                var a = Integer(depth + 1);
                var factor = random.Next(-5, 10).ToString(CultureInfo.InvariantCulture);
                return new($"({a.Engine} * {factor})", $"({a.DuckDb} * {factor})");
            }
            case 5: return Integer(depth + 1).Wrap("ABS({0})", "abs({0})");
            case 6:
            {
                var a = Integer(depth + 1);
                var n = random.Next(1, 9).ToString(CultureInfo.InvariantCulture);
                return new($"MOD({a.Engine}, {n})", $"({a.DuckDb} % {n})");
            }
            case 7:
            {
                var (p, a, b) = (Predicate(depth + 1), Integer(depth + 1), Integer(depth + 1));
                return new($"CASE WHEN {p.Engine} THEN {a.Engine} ELSE {b.Engine} END", $"CASE WHEN {p.DuckDb} THEN {a.DuckDb} ELSE {b.DuckDb} END");
            }
            default:
            {
                var a = Integer(depth + 1);
                var n = Small().ToString(CultureInfo.InvariantCulture);
                return new($"COALESCE({a.Engine}, {n})", $"coalesce({a.DuckDb}, {n})");
            }
        }
    }

    /// <summary>A string expression.</summary>
    public DualSql String(int depth = 0)
    {
        switch (random.Next(depth >= 2 ? 2 : 7))
        {
            case 0: return DualSql.Same("s");
            case 1: return DualSql.Same(Text(Words[random.Next(Words.Length)]));
            case 2: return String(depth + 1).Wrap("UPPER({0})", "upper({0})");
            case 3: return String(depth + 1).Wrap("LOWER({0})", "lower({0})");
            case 4:
            {
                var (a, b) = (String(depth + 1), String(depth + 1));
                return new($"({a.Engine} || {b.Engine})", $"({a.DuckDb} || {b.DuckDb})");
            }
            case 5: return String(depth + 1).Wrap("SUBSTRING({0} FROM 1 FOR 2)", "substring({0}, 1, 2)");
            default: return Integer(depth + 1).Wrap("CAST({0} AS STRING)", "CAST({0} AS VARCHAR)");
        }
    }

    /// <summary>A DECIMAL expression.</summary>
    public DualSql Decimal(int depth = 0)
    {
        switch (random.Next(depth >= 2 ? 2 : 5))
        {
            case 0: return DualSql.Same("d");
            case 1: return DualSql.Same((random.Next(-10_000, 10_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture));
            case 2:
            {
                var (a, b) = (Decimal(depth + 1), Decimal(depth + 1));
                var op = random.Next(2) == 0 ? "+" : "-";
                return new($"({a.Engine} {op} {b.Engine})", $"({a.DuckDb} {op} {b.DuckDb})");
            }
            case 3:
            {
                var (a, b) = (Decimal(depth + 1), Integer(2));
                return new($"({a.Engine} * {b.Engine})", $"({a.DuckDb} * {b.DuckDb})");
            }
            default: return Decimal(depth + 1).Wrap("ABS({0})", "abs({0})");
        }
    }

    /// <summary>A BOOLEAN expression.</summary>
    public DualSql Predicate(int depth = 0)
    {
        switch (random.Next(depth >= 2 ? 5 : 10))
        {
            case 0: return Compare(Integer(depth + 1), Integer(depth + 1));
            case 1: return Compare(String(depth + 1), String(depth + 1));
            case 2: return Compare(Decimal(depth + 1), Decimal(depth + 1));
            case 3:
            {
                var column = new[] { "k", "v", "d", "s", "b", "ts" }[random.Next(6)];
                var not = random.Next(2) == 0 ? " NOT" : "";
                return DualSql.Same($"{column} IS{not} NULL");
            }
            case 4:
            {
                var literal = new DateTime(2026, 1, 1).AddSeconds(random.Next(0, 4000)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                var op = Comparisons[random.Next(Comparisons.Length)];
                return new($"ts {op} TIMESTAMP '{literal}'", $"ts {op} TIMESTAMP '{literal}'");
            }
            case 5:
            {
                var (a, b) = (Predicate(depth + 1), Predicate(depth + 1));
                var op = random.Next(2) == 0 ? "AND" : "OR";
                return new($"({a.Engine} {op} {b.Engine})", $"({a.DuckDb} {op} {b.DuckDb})");
            }
            case 6: return Predicate(depth + 1).Wrap("(NOT {0})", "(NOT {0})");
            case 7:
            {
                var a = Integer(depth + 1);
                var (low, high) = (Small(), Small());
                return new($"{a.Engine} BETWEEN {low} AND {high}", $"{a.DuckDb} BETWEEN {low} AND {high}");
            }
            case 8:
            {
                var a = Integer(depth + 1);
                var items = string.Join(", ", Enumerable.Range(0, random.Next(1, 5)).Select(_ => Small().ToString(CultureInfo.InvariantCulture)));
                var not = random.Next(3) == 0 ? " NOT" : "";
                return new($"{a.Engine}{not} IN ({items})", $"{a.DuckDb}{not} IN ({items})");
            }
            default:
            {
                var pattern = new[] { "a%", "%b", "%a%", "_", "x_" }[random.Next(5)];
                return new($"s LIKE '{pattern}'", $"s LIKE '{pattern}'");
            }
        }
    }

    private DualSql Compare(DualSql a, DualSql b)
    {
        var op = Comparisons[random.Next(Comparisons.Length)];
        return new($"{a.Engine} {op} {b.Engine}", $"{a.DuckDb} {op} {b.DuckDb}");
    }

    /// <summary>A projection of any type.</summary>
    public DualSql Projection() => random.Next(4) switch
    {
        0 => Integer(),
        1 => String(),
        2 => Decimal(),
        _ => Predicate(1),
    };
}
