using StreamSql.Sql.Parser.Ast;
using static StreamSql.Sql.Parser.Tests.AstPrinter;
using static StreamSql.Sql.Parser.Tests.TestSql;

namespace StreamSql.Sql.Parser.Tests;

public sealed class QueryTests
{
    [Fact]
    public void SelectBlockHasEveryClause()
    {
        var q = Select("SELECT DISTINCT a, b + 1 AS c, d e, t.*, * FROM t WHERE a > 0 GROUP BY a, b HAVING COUNT(*) > 1");
        Assert.True(q.Distinct);
        Assert.Equal(5, q.Items.Count);
        Assert.Equal("a", Print(q.Items[0].Expression));
        Assert.Null(q.Items[0].Alias);
        Assert.Equal("(Add b 1)", Print(q.Items[1].Expression));
        Assert.Equal("c", q.Items[1].Alias!.Value);
        Assert.Equal("e", q.Items[2].Alias!.Value);
        Assert.Equal("t", Assert.IsType<StarExpression>(q.Items[3].Expression).Qualifier);
        Assert.Null(Assert.IsType<StarExpression>(q.Items[4].Expression).Qualifier);
        Assert.Equal("t", Assert.IsType<NamedTableReference>(q.From).Name.ToString());
        Assert.Equal("(Greater a 0)", Print(q.Where!));
        Assert.Equal("a, b", List(q.GroupBy!.Expressions));
        Assert.Empty(q.GroupBy.GroupingElements);
        Assert.Equal("(Greater COUNT(*) 1)", Print(q.Having!));
    }

    [Fact]
    public void QueryHintsAfterSelectAreKeptWithTheirSpan()
    {
        var q = Select("SELECT /*+ OPERATOR_ID('counts'), STATE_TTL('t' = '1d') */ a, COUNT(*) FROM t GROUP BY a");
        Assert.Equal(2, q.Hints.Count);
        Assert.Equal("OPERATOR_ID", q.Hints[0].Name);
        Assert.Equal(["counts"], q.Hints[0].Arguments);
        Assert.Equal(1, q.Hints[0].Span.Line);
        Assert.Equal(12, q.Hints[0].Span.Column);
        Assert.Equal("STATE_TTL", q.Hints[1].Name);
        Assert.Equal("t", Assert.Single(q.Hints[1].Options).Key);
        Assert.Empty(Select("SELECT a FROM t").Hints);
    }

    [Fact]
    public void SelectWithoutFrom()
    {
        var q = Select("SELECT 1, 'a'");
        Assert.Null(q.From);
        Assert.False(q.Distinct);
    }

    [Fact]
    public void GroupingSetsRollupAndCube()
    {
        var q = Select("SELECT a FROM t GROUP BY x, GROUPING SETS ((a, b), a, ()), ROLLUP(a, b), CUBE((a, b), c)");
        var g = q.GroupBy!;
        Assert.Equal("x", List(g.Expressions));
        Assert.Equal(3, g.GroupingElements.Count);
        Assert.Equal(GroupingKind.Sets, g.GroupingElements[0].Kind);
        Assert.Equal(["a, b", "a", ""], g.GroupingElements[0].Sets.Select(List));
        Assert.Equal(GroupingKind.Rollup, g.GroupingElements[1].Kind);
        Assert.Equal(["a", "b"], g.GroupingElements[1].Sets.Select(List));
        Assert.Equal(GroupingKind.Cube, g.GroupingElements[2].Kind);
        Assert.Equal(["a, b", "c"], g.GroupingElements[2].Sets.Select(List));
    }

    [Fact]
    public void EmptyGroupingSet()
    {
        var g = Select("SELECT COUNT(*) FROM t GROUP BY ()").GroupBy!;
        Assert.Empty(g.Expressions);
        var element = Assert.Single(g.GroupingElements);
        Assert.Equal(GroupingKind.Sets, element.Kind);
        Assert.Empty(Assert.Single(element.Sets));
    }

    [Fact]
    public void JoinsOfEveryKind()
    {
        var q = Select("SELECT * FROM a LEFT JOIN b ON a.id = b.id RIGHT OUTER JOIN c USING (id, k) FULL JOIN d ON TRUE CROSS JOIN e NATURAL JOIN f, g JOIN h ON g.x = h.x");
        // The comma binds loosest: (((((a ⟕ b) ⟖ c) ⟗ d) × e) ⋈ f) × (g ⋈ h)
        var comma = Assert.IsType<JoinTableReference>(q.From);
        Assert.Equal(JoinKind.Cross, comma.Kind);
        var gh = Assert.IsType<JoinTableReference>(comma.Right);
        Assert.Equal(JoinKind.Inner, gh.Kind);
        Assert.Equal("(Equal g.x h.x)", Print(gh.Condition!));
        var natural = Assert.IsType<JoinTableReference>(comma.Left);
        Assert.True(natural.Natural);
        Assert.Equal(JoinKind.Inner, natural.Kind);
        Assert.Null(natural.Condition);
        var cross = Assert.IsType<JoinTableReference>(natural.Left);
        Assert.Equal(JoinKind.Cross, cross.Kind);
        var full = Assert.IsType<JoinTableReference>(cross.Left);
        Assert.Equal(JoinKind.Full, full.Kind);
        var right = Assert.IsType<JoinTableReference>(full.Left);
        Assert.Equal(JoinKind.Right, right.Kind);
        Assert.Equal(["id", "k"], right.UsingColumns.Select(c => c.Value));
        var left = Assert.IsType<JoinTableReference>(right.Left);
        Assert.Equal(JoinKind.Left, left.Kind);
        Assert.Equal("a", Assert.IsType<NamedTableReference>(left.Left).Name.ToString());
        Assert.Equal("b", Assert.IsType<NamedTableReference>(left.Right).Name.ToString());
        Assert.Equal("(Equal a.id b.id)", Print(left.Condition!));
    }

    [Fact]
    public void TemporalJoinWithHintsAndAliases()
    {
        var q = Select("SELECT * FROM orders AS o JOIN rates /*+ OPTIONS('lookup.cache'='PARTIAL', 'k' = 'v'), BROADCAST(o) */ FOR SYSTEM_TIME AS OF o.proc_time AS r ON o.cur = r.cur");
        var join = Assert.IsType<JoinTableReference>(q.From);
        var orders = Assert.IsType<NamedTableReference>(join.Left);
        Assert.Equal("o", orders.Alias!.Value);
        Assert.Null(orders.SystemTimeAsOf);
        var rates = Assert.IsType<NamedTableReference>(join.Right);
        Assert.Equal("r", rates.Alias!.Value);
        Assert.Equal("o.proc_time", Print(rates.SystemTimeAsOf!));
        Assert.Equal(2, rates.Hints.Count);
        Assert.Equal("OPTIONS", rates.Hints[0].Name);
        Assert.Equal([KeyValuePair.Create("lookup.cache", "PARTIAL"), KeyValuePair.Create("k", "v")], rates.Hints[0].Options);
        Assert.Equal("BROADCAST", rates.Hints[1].Name);
        Assert.Equal(["o"], rates.Hints[1].Arguments);
    }

    [Fact]
    public void WindowTableFunctionWithPositionalArguments()
    {
        var q = Select("SELECT window_start, window_end, SUM(price) FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES)) GROUP BY window_start, window_end");
        var tvf = Assert.IsType<TableFunctionReference>(q.From);
        Assert.False(tvf.Lateral);
        Assert.Equal("TUMBLE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL'10' Minute)", Print(tvf.Call));
        var table = Assert.IsType<TableArgument>(tvf.Call.Arguments[0]);
        Assert.Equal("bids", Assert.IsType<NamedTableReference>(table.Table).Name.ToString());
        Assert.Equal(["window_start", "window_end"], q.Items.Take(2).Select(i => Print(i.Expression)));
    }

    [Fact]
    public void WindowTableFunctionWithNamedArgumentsAndPartitionBy()
    {
        var q = Select("SELECT * FROM TABLE(HOP(DATA => TABLE bids, TIMECOL => DESCRIPTOR(ts), SLIDE => INTERVAL '5' MINUTE, SIZE => INTERVAL '10' MINUTE)) AS w");
        var tvf = Assert.IsType<TableFunctionReference>(q.From);
        Assert.Equal("w", tvf.Alias!.Value);
        Assert.Equal("HOP(DATA => TABLE bids, TIMECOL => DESCRIPTOR(ts), SLIDE => INTERVAL'5' Minute, SIZE => INTERVAL'10' Minute)", Print(tvf.Call));

        // OFFSET is a reserved word (LIMIT ... OFFSET) but also names the window TVFs' offset parameter.
        var offset = Select("SELECT * FROM TABLE(TUMBLE(DATA => TABLE bids, TIMECOL => DESCRIPTOR(ts), SIZE => INTERVAL '10' MINUTES, OFFSET => INTERVAL '1' MINUTES))");
        Assert.Equal("TUMBLE(DATA => TABLE bids, TIMECOL => DESCRIPTOR(ts), SIZE => INTERVAL'10' Minute, OFFSET => INTERVAL'1' Minute)",
            Print(Assert.IsType<TableFunctionReference>(offset.From).Call));

        var session = Select("SELECT * FROM TABLE(SESSION(TABLE bids PARTITION BY item, DESCRIPTOR(ts), INTERVAL '5' MINUTES))");
        Assert.Equal("SESSION(TABLE bids PARTITION BY item, DESCRIPTOR(ts), INTERVAL'5' Minute)", Print(Assert.IsType<TableFunctionReference>(session.From).Call));
        // The key list stops at the comma: the descriptor and the gap are arguments of SESSION, not partition keys.
        var sessionCall = Assert.IsType<TableFunctionReference>(session.From).Call;
        Assert.Equal(3, sessionCall.Arguments.Count);
        Assert.Equal(["item"], Assert.IsType<TableArgument>(sessionCall.Arguments[0]).PartitionBy.Select(Print));
        var twoKeys = Assert.IsType<TableFunctionReference>(
            Select("SELECT * FROM TABLE(SESSION(TABLE bids PARTITION BY (item, bidder), DESCRIPTOR(ts), INTERVAL '5' MINUTES))").From).Call;
        Assert.Equal(3, twoKeys.Arguments.Count);
        Assert.Equal(["item", "bidder"], Assert.IsType<TableArgument>(twoKeys.Arguments[0]).PartitionBy.Select(Print));

        var subquery = Select("SELECT * FROM TABLE(TUMBLE(TABLE (SELECT * FROM bids), DESCRIPTOR(ts), INTERVAL '1' HOUR))");
        var argument = Assert.IsType<TableArgument>(Assert.IsType<TableFunctionReference>(subquery.From).Call.Arguments[0]);
        Assert.IsType<SubqueryTableReference>(argument.Table);
    }

    [Fact]
    public void LateralTableAndUnnest()
    {
        var q = Select("SELECT s, w FROM t, LATERAL TABLE(split(s, ' ')) AS T(w, n)");
        var join = Assert.IsType<JoinTableReference>(q.From);
        Assert.Equal(JoinKind.Cross, join.Kind);
        var lateral = Assert.IsType<TableFunctionReference>(join.Right);
        Assert.True(lateral.Lateral);
        Assert.Equal("split(s, ' ')", Print(lateral.Call));
        Assert.Equal("T", lateral.Alias!.Value);
        Assert.Equal(["w", "n"], lateral.ColumnAliases.Select(c => c.Value));

        var left = Select("SELECT s FROM t LEFT JOIN LATERAL TABLE(split(s)) AS T(w) ON TRUE");
        var leftJoin = Assert.IsType<JoinTableReference>(left.From);
        Assert.Equal(JoinKind.Left, leftJoin.Kind);
        Assert.Equal("TRUE", Print(leftJoin.Condition!));

        var unnest = Select("SELECT x FROM t CROSS JOIN UNNEST(t.arr, t.arr2) WITH ORDINALITY AS u(x, y, n)");
        var u = Assert.IsType<UnnestTableReference>(Assert.IsType<JoinTableReference>(unnest.From).Right);
        Assert.Equal("t.arr, t.arr2", List(u.Arrays));
        Assert.True(u.WithOrdinality);
        Assert.Equal(["x", "y", "n"], u.ColumnAliases.Select(c => c.Value));
    }

    [Fact]
    public void SubqueriesInFrom()
    {
        var q = Select("SELECT * FROM (SELECT a FROM t) AS s(b) JOIN (x JOIN y ON TRUE) ON TRUE");
        var join = Assert.IsType<JoinTableReference>(q.From);
        var sub = Assert.IsType<SubqueryTableReference>(join.Left);
        Assert.Equal("s", sub.Alias!.Value);
        Assert.Equal(["b"], sub.ColumnAliases.Select(c => c.Value));
        Assert.IsType<SelectQuery>(sub.Query);
        Assert.IsType<JoinTableReference>(join.Right);
    }

    [Fact]
    public void OrderLimitOffsetFetch()
    {
        var q = Assert.IsType<OrderedQuery>(Statement<QueryStatement>("SELECT a FROM t ORDER BY a DESC, b ASC NULLS LAST LIMIT 10").Query);
        Assert.IsType<SelectQuery>(q.Body);
        Assert.Equal(["a DESC", "b NULLS LAST"], q.OrderBy.Select(Print));
        Assert.Equal("10", Print(q.Limit!));
        Assert.Null(q.Offset);

        var fetch = Assert.IsType<OrderedQuery>(Statement<QueryStatement>("SELECT a FROM t ORDER BY a OFFSET 5 ROWS FETCH NEXT 3 ROWS ONLY").Query);
        Assert.Equal("3", Print(fetch.Limit!));
        Assert.Equal("5", Print(fetch.Offset!));

        var first = Assert.IsType<OrderedQuery>(Statement<QueryStatement>("SELECT a FROM t FETCH FIRST ROW ONLY").Query);
        Assert.Equal("1", Print(first.Limit!));
        Assert.Empty(first.OrderBy);
    }

    [Fact]
    public void SetOperationsAssociateAndIntersectBindsTighter()
    {
        var q = Statement<QueryStatement>("SELECT a FROM t UNION ALL SELECT b FROM u INTERSECT SELECT c FROM v EXCEPT SELECT d FROM w ORDER BY 1").Query;
        var ordered = Assert.IsType<OrderedQuery>(q);
        var except = Assert.IsType<SetOperationQuery>(ordered.Body);
        Assert.Equal(SetOperator.Except, except.Operator);
        Assert.False(except.All);
        var union = Assert.IsType<SetOperationQuery>(except.Left);
        Assert.Equal(SetOperator.Union, union.Operator);
        Assert.True(union.All);
        var intersect = Assert.IsType<SetOperationQuery>(union.Right);
        Assert.Equal(SetOperator.Intersect, intersect.Operator);
    }

    [Fact]
    public void ValuesRows()
    {
        var v = Assert.IsType<ValuesQuery>(Statement<QueryStatement>("VALUES (1, 'a'), (2, 'b'), ROW(3, 'c')").Query);
        Assert.Equal(["1, 'a'", "2, 'b'", "3, 'c'"], v.Rows.Select(List));
        var single = Assert.IsType<ValuesQuery>(Statement<QueryStatement>("VALUES 1, 2").Query);
        Assert.Equal(["1", "2"], single.Rows.Select(List));
    }

    [Fact]
    public void CommonTableExpressions()
    {
        var w = Assert.IsType<WithQuery>(Statement<QueryStatement>("WITH a AS (SELECT 1 AS x), b (y) AS (SELECT x FROM a) SELECT y FROM b LIMIT 1").Query);
        Assert.Equal(["a", "b"], w.Ctes.Select(c => c.Name.Value));
        Assert.Empty(w.Ctes[0].ColumnNames);
        Assert.Equal(["y"], w.Ctes[1].ColumnNames.Select(c => c.Value));
        Assert.IsType<OrderedQuery>(w.Body);
    }

    [Fact]
    public void NamedWindowsResolveInOver()
    {
        var q = Select("SELECT SUM(x) OVER w, MAX(x) OVER (PARTITION BY k ORDER BY ts) FROM t WINDOW w AS (PARTITION BY a ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)");
        var named = Assert.Single(q.Windows);
        Assert.Equal("w", named.Name.Value);
        var sum = Assert.IsType<FunctionCall>(q.Items[0].Expression);
        Assert.Same(named.Specification, sum.Over);
        Assert.Equal("(PARTITION a ORDER ts Rows 2 Preceding CurrentRow)", Print(sum.Over!));
        Assert.Equal("(PARTITION k ORDER ts)", Print(((FunctionCall)q.Items[1].Expression).Over!));
    }

    [Fact]
    public void UndefinedWindowIsAnError()
    {
        var e = Error("SELECT SUM(x) OVER w2 FROM t WINDOW w AS (ORDER BY ts)");
        Assert.Contains("window 'w2' is not defined", e.Problem);
        Assert.Equal(20, e.Span.Column);
    }

    [Fact]
    public void SelectHintsAreAccepted()
    {
        var q = Select("SELECT /*+ BROADCAST(dim) */ a FROM fact JOIN dim ON fact.k = dim.k");
        Assert.Single(q.Items);
    }

    [Fact]
    public void DeduplicationTopNShape()
    {
        var q = Select("""
            SELECT * FROM (
              SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY proctime ASC) AS row_num
              FROM orders)
            WHERE row_num = 1
            """);
        var sub = Assert.IsType<SubqueryTableReference>(q.From);
        Assert.Null(sub.Alias);
        var inner = Assert.IsType<SelectQuery>(sub.Query);
        Assert.Equal("row_num", inner.Items[1].Alias!.Value);
        Assert.Equal("(Equal row_num 1)", Print(q.Where!));
    }
}
