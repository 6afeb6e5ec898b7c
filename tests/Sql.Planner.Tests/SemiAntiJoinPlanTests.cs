using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>IN / EXISTS subqueries in WHERE planned as semi joins, NOT IN / NOT EXISTS as anti joins (Flink's
/// SubQueryRemoveRule): keys, residual conditions, schema, changelog, EXPLAIN, and the refused forms.</summary>
public sealed class SemiAntiJoinPlanTests
{
    private readonly PlannerFixture _f = new();

    public SemiAntiJoinPlanTests() => _f.Run(PlannerFixture.Bids + """
        CREATE TABLE auctions (id BIGINT, seller BIGINT, category INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen');
        CREATE TABLE strict_a (id BIGINT NOT NULL, v INT) WITH ('connector' = 'datagen');
        CREATE TABLE strict_b (id BIGINT NOT NULL, w INT) WITH ('connector' = 'datagen');
        CREATE TABLE appends (auction BIGINT, n BIGINT) WITH ('connector' = 'filesystem', 'path' = '/tmp/x', 'format' = 'csv');
        """);

    private QueryPlan Query(string sql) => _f.Run<QueryPlan>(sql);

    private JoinSpec Spec(string sql) => Query(sql).Job.Vertices.SelectMany(v => v.Chain).OfType<JoinSpec>().Single();

    [Fact]
    public void In_becomes_a_semi_join_on_the_value_and_outputs_the_left_row()
    {
        var plan = Query("SELECT b.auction, b.price FROM bids b WHERE b.price > 3 AND b.auction IN (SELECT id FROM auctions WHERE category = 10)");
        Assert.Equal("auction, price", string.Join(", ", plan.ResultSchema.Fields.Select(f => f.Name)));
        var spec = Spec("SELECT b.auction, b.price FROM bids b WHERE b.auction IN (SELECT id FROM auctions WHERE category = 10)");
        Assert.Equal(JoinType.Semi, spec.JoinType);
        Assert.Equal("auction", spec.LeftSchema[spec.LeftKeys[0]].Name);
        Assert.Equal("id", spec.RightSchema[spec.RightKeys[0]].Name);
        Assert.Null(spec.Condition);
        Assert.Equal(spec.LeftSchema.Count, spec.OutputSchema.Count);
        // As for a regular join, time attributes become plain timestamps.
        var ts = Query("SELECT b.ts FROM bids b WHERE b.auction IN (SELECT id FROM auctions)").ResultSchema[0].Type;
        Assert.False(ts.IsRowtime);
        Assert.Equal(SqlTypeKind.Timestamp, ts.Kind);
    }

    [Fact]
    public void Correlated_exists_takes_its_keys_from_the_subquerys_where_and_keeps_the_rest_as_condition()
    {
        var spec = Spec("SELECT b.auction FROM bids b WHERE EXISTS (SELECT * FROM auctions a WHERE a.id = b.auction AND a.seller < b.price AND a.category = 3)");
        Assert.Equal(JoinType.Semi, spec.JoinType);
        Assert.Equal("auction", spec.LeftSchema[spec.LeftKeys[0]].Name);
        Assert.Equal("id", spec.RightSchema[spec.RightKeys[0]].Name);
        Assert.Contains("<", spec.Condition!.ToString());
        Assert.Single(spec.LeftKeys);
        Assert.Equal(JoinType.Anti, Spec("SELECT b.auction FROM bids b WHERE NOT EXISTS (SELECT 1 FROM auctions a WHERE a.id = b.auction)").JoinType);
        Assert.Equal(JoinType.Anti, Spec("SELECT a.v FROM strict_a a WHERE a.id NOT IN (SELECT id FROM strict_b)").JoinType);
    }

    [Fact]
    public void Unqualified_names_in_a_subquery_are_its_own_columns_first_then_the_outer_querys()
    {
        // price is bids' only; id is auctions' (inner) even though the outer query has no id; seller inner.
        var spec = Spec("SELECT b.auction FROM bids b WHERE EXISTS (SELECT 1 FROM auctions WHERE id = auction AND seller > price)");
        Assert.Equal("auction", spec.LeftSchema[spec.LeftKeys[0]].Name);
        Assert.Equal("id", spec.RightSchema[spec.RightKeys[0]].Name);
        // auction exists on both sides of a self-join: the subquery's own column wins, so no correlation is left (a keyless semi join).
        Assert.Empty(Spec("SELECT auction FROM bids WHERE EXISTS (SELECT 1 FROM bids AS x WHERE auction = x.auction)").LeftKeys);
    }

    [Fact]
    public void Changelog_semi_of_appends_appends_anti_updates()
    {
        Assert.Equal(ChangelogMode.InsertOnly, Query("SELECT b.price FROM bids b WHERE b.auction IN (SELECT id FROM auctions)").Changelog);
        Assert.NotEqual(ChangelogMode.InsertOnly, Query("SELECT b.price FROM bids b WHERE NOT EXISTS (SELECT id FROM auctions a WHERE a.id = b.auction)").Changelog);
        Assert.NotEqual(ChangelogMode.InsertOnly,
            Query("SELECT b.price FROM bids b WHERE b.auction IN (SELECT auction FROM bids GROUP BY auction HAVING COUNT(*) > 2)").Changelog);
        var e = _f.Error("INSERT INTO appends SELECT b.auction, b.price FROM bids b WHERE NOT EXISTS (SELECT 1 FROM auctions a WHERE a.id = b.auction)");
        Assert.Contains("produced by node Join(joinType=[LeftAntiJoin]", e.Problem);
    }

    [Fact]
    public void Explain_prints_flinks_semi_join()
    {
        var text = _f.Explain("SELECT b.price FROM bids b WHERE b.auction IN (SELECT id FROM auctions)");
        Assert.Contains("joinType=[semi]", text);
        Assert.Contains("Join(joinType=[LeftSemiJoin], where=[(auction = id)], select=[auction, price], leftInputSpec=[NoUniqueKey], rightInputSpec=[NoUniqueKey])", text);
        Assert.Contains("Exchange(distribution=[hash[id]])", text);
        var anti = _f.Explain("SELECT b.price FROM bids b WHERE NOT EXISTS (SELECT 1 FROM auctions a WHERE a.id = b.auction)");
        Assert.Contains("Join(joinType=[LeftAntiJoin]", anti);
    }

    [Fact]
    public void Intersect_and_except_are_semi_and_anti_joins_on_all_columns_then_distinct()
    {
        var text = _f.Explain("SELECT auction, price FROM bids INTERSECT SELECT id, seller FROM auctions");
        Assert.True(text.Contains("Join(joinType=[LeftSemiJoin], where=[((auction IS NOT DISTINCT FROM auction0) AND (price IS NOT DISTINCT FROM price0))]"), text);
        Assert.Contains("GroupAggregate(groupBy=[auction, price]", text);
        Assert.Contains("Join(joinType=[LeftAntiJoin]", _f.Explain("SELECT auction FROM bids EXCEPT SELECT id FROM auctions"));
        Assert.True(Spec("SELECT auction FROM bids EXCEPT SELECT id FROM auctions").NullSafeKeys);
        Assert.StartsWith("Column count mismatch in EXCEPT", _f.Error("SELECT auction FROM bids EXCEPT SELECT id, seller FROM auctions").Problem);
    }

    [Fact]
    public void Intersect_all_counts_each_side_per_row_and_replicates_the_smaller_count()
    {
        var text = _f.Explain("SELECT auction, price FROM bids INTERSECT ALL SELECT id, seller FROM auctions");
        Assert.Contains("Correlate(invocation=[$REPLICATE_ROWS$1($f0, auction, price)], select=[auction, price], joinType=[INNER])", text);
        Assert.Contains("Calc(select=[IF((vcol_left_cnt > vcol_right_cnt), vcol_right_cnt, vcol_left_cnt) AS $f0, auction, price], "
            + "where=[((vcol_left_cnt >= 1) AND (vcol_right_cnt >= 1))])", text);
        Assert.Contains("GroupAggregate(groupBy=[auction, price], select=[auction, price, COUNT(vcol_left) AS vcol_left_cnt, COUNT(vcol_right) AS vcol_right_cnt])", text);
        Assert.Contains("Calc(select=[id AS auction, seller AS price, null:BOOLEAN AS vcol_left, true AS vcol_right])", text);
        var plan = Query("SELECT auction, price FROM bids INTERSECT ALL SELECT id, seller FROM auctions");
        Assert.Equal("auction, price", string.Join(", ", plan.ResultSchema.Fields.Select(f => f.Name)));
        Assert.Contains(plan.Job.Vertices.SelectMany(v => v.Chain), s => s is ReplicateRowsSpec { OutputChangelog: not ChangelogMode.InsertOnly });
    }

    [Fact]
    public void Except_all_sums_a_plus_minus_one_marker_and_replicates_the_positive_difference()
    {
        var text = _f.Explain("SELECT auction FROM bids EXCEPT ALL SELECT id FROM auctions");
        Assert.Contains("Correlate(invocation=[$REPLICATE_ROWS$1(sum_vcol_marker, auction)], select=[auction], joinType=[INNER])", text);
        Assert.Contains("where=[(sum_vcol_marker > 0)]", text);
        Assert.Contains("SUM(vcol_marker) AS sum_vcol_marker", text);
        Assert.Contains("-1 AS vcol_marker", text);
        Assert.StartsWith("Column count mismatch in EXCEPT ALL", _f.Error("SELECT auction FROM bids EXCEPT ALL SELECT id, seller FROM auctions").Problem);
    }

    [Fact]
    public void Not_in_over_nullable_values_adds_anti_joins_for_the_subquerys_nulls_and_the_null_values()
    {
        var text = _f.Explain("SELECT b.price FROM bids b WHERE b.auction NOT IN (SELECT id FROM auctions WHERE category = 10)");
        Assert.Contains("Join(joinType=[LeftAntiJoin], where=[(auction = id)]", text);
        // Every row goes once the subquery has a NULL: a constant key whose right side is the subquery's NULL values.
        Assert.Contains("0 AS $nk", text);
        Assert.Contains("where=[((category = 10) AND id IS NULL)]", text);
        // A NULL value goes while the subquery has any row: its key is 0, other rows' NULL (matching nothing).
        Assert.Contains("IF(auction IS NULL, 0, null:INT) AS $nk", text);
        Assert.Equal(3, Query("SELECT b.price FROM bids b WHERE b.auction NOT IN (SELECT id FROM auctions WHERE category = 10)")
            .Job.Vertices.SelectMany(v => v.Chain).OfType<JoinSpec>().Count(j => j.JoinType == JoinType.Anti));

        // Only the side that may be NULL adds its join.
        var strictValue = _f.Explain("SELECT v FROM strict_a WHERE id NOT IN (SELECT seller FROM auctions)");
        Assert.Contains("0 AS $nk", strictValue);
        Assert.DoesNotContain("IF(", strictValue);
        Assert.Single(Query("SELECT v FROM strict_a WHERE id NOT IN (SELECT id FROM strict_b)").Job.Vertices.SelectMany(v => v.Chain).OfType<JoinSpec>());

        // Correlated: one more anti join on the correlation keys with the NULL checks as its residual.
        var correlated = _f.Explain("SELECT b.price FROM bids b WHERE b.auction NOT IN (SELECT id FROM auctions a WHERE a.seller = b.bidder)");
        Assert.Contains("where=[((bidder = seller) AND (auction IS NULL OR id IS NULL))]", correlated);
    }

    [Fact]
    public void Row_in_joins_on_every_column_pair()
    {
        var spec = Spec("SELECT b.price FROM bids b WHERE (b.auction, b.bidder) IN (SELECT id, seller FROM auctions WHERE category = 10)");
        Assert.Equal(JoinType.Semi, spec.JoinType);
        Assert.Equal("auction, bidder", string.Join(", ", spec.LeftKeys.Select(k => spec.LeftSchema[k].Name)));
        Assert.Equal("id, seller", string.Join(", ", spec.RightKeys.Select(k => spec.RightSchema[k].Name)));
        Assert.Equal(JoinType.Anti, Spec("SELECT v FROM strict_a WHERE (id, id) NOT IN (SELECT id, id FROM strict_b)").JoinType);
    }

    [Fact]
    public void Uncorrelated_scalar_subqueries_are_left_joins_on_a_constant_key()
    {
        var sql = "SELECT auction, price - (SELECT MAX(seller) FROM auctions) AS d FROM bids WHERE price > (SELECT MIN(price) FROM bids)";
        var text = _f.Explain(sql);
        Assert.Contains("Calc(select=[auction, (price - EXPR$0) AS d])", text);
        Assert.Contains("Join(joinType=[LeftOuterJoin], where=[($sk = $sk0)]", text);
        Assert.Contains("where=[(price > EXPR$0)]", text);
        var joins = Query(sql).Job.Vertices.SelectMany(v => v.Chain).OfType<JoinSpec>().ToList();
        Assert.Equal(2, joins.Count);
        Assert.All(joins, j => Assert.Equal(JoinType.Left, j.JoinType));
        // The value is NULL when the subquery has no row, and a SELECT * does not show it.
        var plan = Query("SELECT *, (SELECT MAX(id) FROM auctions) AS m FROM strict_a");
        Assert.Equal("id, v, m", string.Join(", ", plan.ResultSchema.Fields.Select(f => f.Name)));
        Assert.True(plan.ResultSchema[2].Type.Nullable);
        Assert.Single(Query("SELECT * FROM bids WHERE price = (SELECT price FROM bids ORDER BY price DESC LIMIT 1)")
            .Job.Vertices.SelectMany(v => v.Chain).OfType<JoinSpec>());
    }

    [Fact]
    public void Correlated_scalar_subqueries_group_by_the_correlation_keys_and_join_on_them()
    {
        var text = _f.Explain("SELECT b.auction, (SELECT COUNT(*) FROM auctions a WHERE a.id = b.auction AND a.category > 3) AS n FROM bids b");
        Assert.Contains("Calc(select=[auction, COALESCE(EXPR$0, 0) AS n])", text);
        Assert.Contains("Join(joinType=[LeftOuterJoin], where=[(auction = $k0)]", text);
        Assert.Contains("GroupAggregate(groupBy=[id], select=[id, COUNT(*) AS EXPR$0])", text);
        var max = _f.Explain("SELECT b.price FROM bids b WHERE b.price > (SELECT MAX(a.seller) FROM auctions a WHERE a.id = b.auction)");
        Assert.Contains("where=[(price > EXPR$0)]", max);
        Assert.DoesNotContain("COALESCE", max);
        // A term over the outer row alone empties the subquery where it is not TRUE.
        var outerTerm = _f.Explain("SELECT (SELECT MAX(a.seller) FROM auctions a WHERE a.id = b.auction AND b.price > 5) AS m FROM bids b");
        Assert.Contains("IF((price > 5) IS TRUE, EXPR$0, null:BIGINT) AS m", outerTerm);
    }

    [Fact]
    public void In_and_exists_as_values_join_the_subquerys_counts_and_distinct_values()
    {
        var text = _f.Explain("SELECT b.price, b.auction IN (SELECT id FROM auctions) AS i FROM bids b WHERE b.price > 3 OR EXISTS (SELECT 1 FROM auctions a WHERE a.seller = b.bidder)");
        // IN: the row count and non-NULL count on a constant key, the distinct values on the value.
        Assert.Contains("GroupAggregate(select=[COUNT(*) AS c, COUNT(id) AS ck])", text);
        Assert.Contains("GroupAggregate(groupBy=[id], select=[id])", text);
        Assert.Contains("Join(joinType=[LeftOuterJoin], where=[(auction = y)]", text);
        Assert.Contains("IF((COALESCE(", text);
        // EXISTS correlated by an equality: a COUNT(*) grouped by the correlation key.
        Assert.Contains("GroupAggregate(groupBy=[seller], select=[seller, COUNT(*) AS EXPR$0])", text);
        Assert.Contains("(COALESCE(EXPR$0, 0) > 0)", text);
    }

    [Fact]
    public void In_and_exists_as_values_of_an_aggregation_join_the_aggregated_rows()
    {
        var text = _f.Explain(
            "SELECT b.auction, COUNT(*) AS n, b.auction IN (SELECT id FROM auctions) AS i FROM bids b GROUP BY b.auction " +
            "HAVING COUNT(*) > 3 OR EXISTS (SELECT 1 FROM auctions a WHERE a.seller = b.auction)");
        // The aggregation first, then the IN's counts and distinct values and the EXISTS' correlated count joined to its rows.
        Assert.Contains("GroupAggregate(groupBy=[id], select=[id])", text);
        Assert.Contains("GroupAggregate(groupBy=[seller], select=[seller, COUNT(*) AS EXPR$0])", text);
        Assert.Contains("GroupAggregate(groupBy=[auction], select=[auction, COUNT(*) AS n])", text);
        Assert.Contains("OR (COALESCE(", text);
        Assert.Equal("auction, n, i", string.Join(", ", Query(
            "SELECT b.auction, COUNT(*) AS n, b.auction IN (SELECT id FROM auctions) AS i FROM bids b GROUP BY b.auction").ResultSchema.Fields.Select(f => f.Name)));
    }

    [Fact]
    public void A_correlated_scalar_subquery_of_an_aggregation_reads_grouped_columns_only()
    {
        var text = _f.Explain("SELECT b.auction FROM bids b GROUP BY b.auction HAVING SUM(b.price) > (SELECT MAX(id) FROM auctions a WHERE a.seller = b.auction)");
        Assert.Contains("GroupAggregate(groupBy=[seller], select=[seller, MAX(id) AS EXPR$0])", text);
        var e = _f.Error("SELECT b.auction FROM bids b GROUP BY b.auction HAVING SUM(b.price) > (SELECT MAX(id) FROM auctions a WHERE a.seller = b.price)");
        Assert.Contains("sees only the outer query's grouped columns", e.Problem);
    }

    [Theory]
    [InlineData("SELECT * FROM bids b WHERE b.auction NOT IN (SELECT id FROM auctions a WHERE a.seller > b.price)", 28, "Not supported yet: NOT IN over values that may be NULL whose subquery is correlated")]
    [InlineData("SELECT * FROM bids b WHERE b.price > 3 OR b.auction IN (SELECT id FROM auctions a WHERE a.seller > b.bidder)", 89, "Not supported yet: a subquery used as a value")]
    [InlineData("SELECT * FROM bids b WHERE b.price > 3 OR b.auction IN (SELECT MAX(id) FROM auctions a WHERE a.seller = b.bidder)", 105, "Table 'b' not found; did you mean 'a'? (if it names the outer query: a correlated subquery used as a value is planned when")]
    [InlineData("SELECT * FROM bids b WHERE b.auction IN (SELECT id, seller FROM auctions GROUP BY id, seller)", 42, "The subquery of IN must return one column")]
    // Beside OVER the subquery's value is joined to the rows as anywhere in a select list; in streaming that join updates
    // and b.ts is no time attribute past it, so the OVER takes the updates (Flink 2.1's non-time OVER) and its ordering's
    // own rules apply.
    [InlineData("SELECT b.auction, COUNT(*) OVER (PARTITION BY b.bidder ORDER BY b.ts DESC), b.auction IN (SELECT id FROM auctions) FROM bids b", 65, "The window can only be ordered in ASCENDING mode.")]
    [InlineData("SELECT * FROM bids b WHERE (b.auction, b.price) NOT IN (SELECT id, seller FROM auctions)", 28, "Not supported yet: NOT IN over a row of values that may be NULL")]
    [InlineData("SELECT * FROM bids b WHERE (b.auction, b.price) IN (SELECT id FROM auctions GROUP BY id)", 53, "The subquery of IN must return 2 columns, one per value compared, but returns 1")]
    [InlineData("SELECT * FROM bids b WHERE b.price = (SELECT MAX(id) FROM auctions a WHERE a.seller > b.bidder)", 76, "Not supported yet: a subquery used as a value (scalar, or IN/EXISTS outside the AND-ed conditions of WHERE) correlated with the outer query other than by equalities")]
    [InlineData("SELECT b.auction, (SELECT COUNT(*) + 1 FROM auctions a WHERE a.id = b.auction) FROM bids b", 27, "Not supported yet: a correlated scalar subquery whose value is computed from COUNT")]
    [InlineData("SELECT b.auction FROM bids b GROUP BY b.auction HAVING SUM(b.price) > (SELECT MAX(id) FROM auctions a WHERE a.seller = b.price)", 120, "Column 'price' not found in table 'b'")]
    [InlineData("SELECT * FROM bids b WHERE b.price = (SELECT id, seller FROM auctions LIMIT 1)", 39, "A scalar subquery must return one column, but returns 2")]
    public void Refused_subqueries_are_reported_where_they_are_written(string sql, int column, string expectedStart)
    {
        var e = _f.Error(sql);
        Assert.StartsWith(expectedStart, e.Problem);
        Assert.Equal((1, column), (e.Span.Line, e.Span.Column));
    }
}
