using System.Globalization;

namespace StreamSql.Tests.Differential;

/// <summary>
/// Random GROUP BY queries over <see cref="RandomTable"/> in both dialects: keys from columns and integer expressions
/// (or none: a global aggregation, kept to groups with rows since a streaming global aggregation emits nothing for no
/// input), aggregate calls with DISTINCT and FILTER, HAVING, SELECT DISTINCT, GROUPING SETS / ROLLUP / CUBE, and
/// aggregations over an updating aggregation (retractions). Kept to where Flink and DuckDB agree: AVG of integers truncated
/// as Flink's AVG(INT) is, variances over DOUBLE, no order-dependent functions (FIRST_VALUE, LISTAGG).
/// </summary>
internal sealed class AggregateGenerator(Random random)
{
    private readonly ExpressionGenerator _expressions = new(random);

    private const string Derived = "k, v, d, s, b, ts";

    /// <summary>One query: a plain GROUP BY (most), a grouping-sets query, SELECT DISTINCT, or an aggregation of an aggregation.</summary>
    public DualSql Query() => random.Next(10) switch
    {
        < 6 => GroupBy(),
        6 => GroupingSets(),
        7 => Distinct(),
        _ => OverUpdates(),
    };

    private DualSql Source()
    {
        var e = _expressions.Integer();
        var where = random.Next(3) == 0 ? _expressions.Predicate() : null;
        return new DualSql(
            $"(SELECT {Derived}, {e.Engine} AS e FROM t{(where is null ? "" : " WHERE " + where.Engine)}) AS x",
            $"(SELECT {Derived}, {e.DuckDb} AS e FROM t{(where is null ? "" : " WHERE " + where.DuckDb)}) AS x");
    }

    private List<string> Keys(int max)
    {
        string[] candidates = ["k", "s", "b", "e"];
        return candidates.OrderBy(_ => random.Next()).Take(random.Next(0, max + 1)).ToList();
    }

    private DualSql GroupBy()
    {
        var keys = Keys(2);
        var calls = Enumerable.Range(0, random.Next(1, 5)).Select(_ => Call()).ToList();
        var select = DualSql.Join(", ", keys.Select(DualSql.Same).Concat(calls.Select((c, i) => new DualSql($"{c.Engine} AS a{i}", $"{c.DuckDb} AS a{i}"))));
        var source = Source();
        string groupBy = keys.Count == 0 ? "" : " GROUP BY " + string.Join(", ", keys);
        string having = keys.Count == 0 ? " HAVING COUNT(*) > 0"
            : random.Next(3) == 0 ? $" HAVING COUNT(*) > {random.Next(1, 4).ToString(CultureInfo.InvariantCulture)}" : "";
        return new DualSql($"SELECT {select.Engine} FROM {source.Engine}{groupBy}{having}", $"SELECT {select.DuckDb} FROM {source.DuckDb}{groupBy}{having}");
    }

    private DualSql GroupingSets()
    {
        var keys = Keys(2);
        if (keys.Count < 2) keys = ["k", "s"];
        var (a, b) = (keys[0], keys[1]);
        string sets = random.Next(3) switch
        {
            0 => $"ROLLUP ({a}, {b})",
            1 => $"CUBE ({a}, {b})",
            _ => $"GROUPING SETS (({a}, {b}), ({b}), ())",
        };
        var call = Call();
        var source = Source();
        // HAVING COUNT(*) > 0: over no rows a batch engine still answers the empty grouping set; a streaming one emits nothing.
        // GROUPING(a, b) is a bit vector in both (a's bit the higher), as GROUPING_ID(a, b) is.
        return new DualSql(
            $"SELECT {a}, {b}, GROUPING({a}) AS g, GROUPING({b}, {a}) AS gba, {call.Engine} AS a0 FROM {source.Engine} GROUP BY {sets} HAVING COUNT(*) > 0",
            $"SELECT {a}, {b}, GROUPING({a}) AS g, GROUPING({b}, {a}) AS gba, {call.DuckDb} AS a0 FROM {source.DuckDb} GROUP BY {sets} HAVING COUNT(*) > 0");
    }

    private DualSql Distinct()
    {
        var keys = Keys(3);
        if (keys.Count == 0) keys = ["s"];
        var source = Source();
        var list = string.Join(", ", keys);
        return new DualSql($"SELECT DISTINCT {list} FROM {source.Engine}", $"SELECT DISTINCT {list} FROM {source.DuckDb}");
    }

    /// <summary>An aggregation over the results of another: its input retracts (-U/+U), so MIN/MAX/SUM/COUNT take values back.</summary>
    private DualSql OverUpdates()
    {
        var inner = Call(numericOnly: true);
        var source = Source();
        string outer = random.Next(5) switch
        {
            0 => "MIN(x2)",
            1 => "MAX(x2)",
            2 => "SUM(x2)",
            3 => "COUNT(DISTINCT x2)",
            _ => "COUNT(*)",
        };
        string innerKey = random.Next(2) == 0 ? "k" : "s";
        string outerKey = random.Next(2) == 0 ? "c2" : "MOD(c2, 3)";
        string outerKeyDuck = outerKey == "c2" ? "c2" : "(c2 % 3)";
        return new DualSql(
            $"SELECT {outerKey} AS o, {outer} AS r FROM (SELECT {innerKey}, COUNT(*) AS c2, {inner.Engine} AS x2 FROM {source.Engine} GROUP BY {innerKey}) AS y GROUP BY {outerKey}",
            $"SELECT {outerKeyDuck} AS o, {outer} AS r FROM (SELECT {innerKey}, COUNT(*) AS c2, {inner.DuckDb} AS x2 FROM {source.DuckDb} GROUP BY {innerKey}) AS y GROUP BY {outerKeyDuck}");
    }

    /// <summary>One aggregate call, sometimes DISTINCT, sometimes with a FILTER (<c>{F}</c> marks where it goes).</summary>
    private DualSql Call(bool numericOnly = false)
    {
        var call = random.Next(numericOnly ? 6 : 12) switch
        {
            0 => DualSql.Same("COUNT(*){F}"),
            1 => DualSql.Same("SUM(v){F}"),
            2 => DualSql.Same("MIN(v){F}"),
            3 => DualSql.Same("MAX(k){F}"),
            4 => new DualSql("AVG(v){F}", "CAST(trunc(avg(v){F}) AS BIGINT)"),
            5 => DualSql.Same("COUNT(DISTINCT v){F}"),
            6 => DualSql.Same("SUM(d){F}"),
            7 => random.Next(2) == 0 ? DualSql.Same("MIN(s){F}") : DualSql.Same("MAX(s){F}"),
            8 => random.Next(2) == 0 ? new DualSql("BOOL_AND(b){F}", "bool_and(b){F}") : new DualSql("BOOL_OR(b){F}", "bool_or(b){F}"),
            9 => random.Next(2) == 0 ? new DualSql("VAR_POP(CAST(v AS DOUBLE)){F}", "var_pop(CAST(v AS DOUBLE)){F}")
                : new DualSql("STDDEV_SAMP(CAST(v AS DOUBLE)){F}", "stddev_samp(CAST(v AS DOUBLE)){F}"),
            10 => DualSql.Same("COUNT(DISTINCT s){F}"),
            _ => DualSql.Same("COUNT(s){F}"),
        };
        if (random.Next(4) != 0) return new DualSql(call.Engine.Replace("{F}", ""), call.DuckDb.Replace("{F}", ""));
        var p = _expressions.Predicate();
        return new DualSql(call.Engine.Replace("{F}", $" FILTER (WHERE {p.Engine})"), call.DuckDb.Replace("{F}", $" FILTER (WHERE {p.DuckDb})"));
    }
}
