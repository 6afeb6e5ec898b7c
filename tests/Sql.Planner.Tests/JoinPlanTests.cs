using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>Regular joins: what they bind and plan to (keys, residual condition, schema, changelog, EXPLAIN), and the
/// forms that are refused.</summary>
public sealed class JoinPlanTests
{
    private readonly PlannerFixture _f = new();

    public JoinPlanTests() => _f.Run(PlannerFixture.Bids + """
        CREATE TABLE auctions (id BIGINT, seller BIGINT, category INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen');
        CREATE TABLE appends (auction BIGINT, n BIGINT) WITH ('connector' = 'filesystem', 'path' = '/tmp/x', 'format' = 'csv');
        """);

    private QueryPlan Query(string sql) => _f.Run<QueryPlan>(sql);

    private JoinSpec Spec(string sql) => Query(sql).Job.Vertices.SelectMany(v => v.Chain).OfType<JoinSpec>().Single();

    private static string Describe(RowSchema s) => string.Join(", ", s.Fields.Select(f => $"{f.Name} {f.Type}"));

    [Theory]
    [InlineData("SELECT * FROM bids AS b JOIN auctions AS a ON b.channel = a.category", "VARCHAR(2147483647) and INTEGER")]
    [InlineData("SELECT * FROM bids AS b JOIN auctions AS a ON b.auction = a.id AND a.ts = b.url", "TIMESTAMP(3) and VARCHAR(2147483647)")]
    public void Equating_a_string_column_with_another_type_in_a_join_is_refused_in_flinks_words(string sql, string types)
    {
        // Flink's JoinConditionTypeCoerceRule: Calcite's leastRestrictive of a string and a non-string is null.
        var e = _f.Error(sql);
        Assert.Equal($"implicit type conversion between {types} is not supported on join's condition now", e.Problem);
    }

    [Fact]
    public void Join_keys_of_one_family_are_cast_to_their_common_type()
    {
        var spec = Spec("SELECT * FROM bids AS b JOIN auctions AS a ON b.auction = a.category");
        Assert.Single(spec.LeftKeys);
    }

    [Fact]
    public void A_join_is_told_which_columns_the_Calc_chained_after_it_reads()
    {
        // The residual reads price and category, the Calc above keeps price and seller: the join stores and compares
        // all four columns but needs to gather only the two the Calc reads (and the key, read by nobody above, not at all).
        var spec = Spec("SELECT b.price, a.seller FROM bids AS b JOIN auctions AS a ON b.auction = a.id AND b.price > a.category");
        Assert.NotNull(spec.ReadColumns);
        var read = spec.OutputSchema.Fields.Where((_, i) => spec.ReadColumns![i]).Select(f => f.Name);
        Assert.Equal(["price", "seller"], read);

        // Every column read above (no Calc, or a Calc reading all): nothing to leave out.
        Assert.Null(Spec("SELECT * FROM bids AS b JOIN auctions AS a ON b.auction = a.id").ReadColumns);
    }

    [Fact]
    public void Equalities_become_keys_cast_to_a_common_type_and_the_rest_a_residual_condition()
    {
        var spec = Spec("SELECT b.price, a.seller FROM bids AS b JOIN auctions AS a ON b.auction = a.id AND b.price > a.category AND a.category = 10");
        Assert.Equal(JoinType.Inner, spec.JoinType);
        Assert.Single(spec.LeftKeys);
        Assert.Equal("auction", spec.LeftSchema[spec.LeftKeys[0]].Name);
        Assert.Equal("id", spec.RightSchema[spec.RightKeys[0]].Name);
        Assert.NotNull(spec.Condition);
        Assert.Contains(">", spec.Condition!.ToString());
        // The term over one side went below the join: the residual does not read the category constant.
        Assert.DoesNotContain("10", spec.Condition.ToString());

        // INT = BIGINT: the INT side's key is cast to BIGINT by a projection below the join.
        var cast = Spec("SELECT o.name, a.seller FROM orders AS o JOIN auctions AS a ON o.id = a.id");
        Assert.Equal(SqlTypeKind.BigInt, cast.LeftSchema[cast.LeftKeys[0]].Type.Kind);
        Assert.Equal(SqlTypeKind.BigInt, cast.RightSchema[cast.RightKeys[0]].Type.Kind);
    }

    [Fact]
    public void Comma_join_takes_its_keys_from_where()
    {
        var spec = Spec("SELECT b.price, a.seller FROM bids b, auctions a WHERE b.auction = a.id AND b.price > 3");
        Assert.Single(spec.LeftKeys);
        Assert.Null(spec.Condition);
    }

    [Fact]
    public void Outer_joins_make_the_padded_side_nullable_and_time_attributes_plain_timestamps()
    {
        var left = Query("SELECT b.ts, a.id, a.ts AS ats FROM bids b LEFT JOIN auctions a ON b.auction = a.id").ResultSchema;
        Assert.False(left[0].Type.IsRowtime);
        Assert.Equal(SqlTypeKind.Timestamp, left[0].Type.Kind);
        Assert.True(left[1].Type.Nullable);
        var right = Query("SELECT b.auction, a.id FROM bids b RIGHT JOIN auctions a ON b.auction = a.id").ResultSchema;
        Assert.Equal("auction BIGINT, id BIGINT", Describe(right));
        Assert.True(right[0].Type.Nullable);
        Assert.Equal("x INT NOT NULL, y INT NOT NULL", Describe(Query("SELECT * FROM (VALUES (1)) AS v(x) JOIN (VALUES (2)) AS w(y) ON v.x = w.y").ResultSchema));
        Assert.Equal("x INT NOT NULL, y INT", Describe(Query("SELECT * FROM (VALUES (1)) AS v(x) LEFT JOIN (VALUES (2)) AS w(y) ON v.x = w.y").ResultSchema));
        Assert.Equal("x INT, y INT", Describe(Query("SELECT * FROM (VALUES (1)) AS v(x) FULL JOIN (VALUES (2)) AS w(y) ON v.x = w.y").ResultSchema));
    }

    [Fact]
    public void Qualified_names_star_and_renamed_duplicates()
    {
        var s = Query("SELECT * FROM orders o JOIN auctions a ON o.id = a.id").ResultSchema;
        Assert.Equal("id, amount, name, id0, seller, category, ts", string.Join(", ", s.Fields.Select(f => f.Name)));
        var star = Query("SELECT a.*, o.name FROM orders o JOIN auctions a ON o.id = a.id").ResultSchema;
        Assert.Equal("id, seller, category, ts, name", string.Join(", ", star.Fields.Select(f => f.Name)));
        var e = _f.Error("SELECT id FROM orders o JOIN auctions a ON o.id = a.id");
        Assert.Equal("Column 'id' is ambiguous", e.Problem);
    }

    [Fact]
    public void Using_and_natural_joins_show_the_common_columns_once_first_as_calcite_does()
    {
        var s = Query("SELECT * FROM orders o JOIN auctions a USING (id)").ResultSchema;
        Assert.Equal("id, amount, name, seller, category, ts", string.Join(", ", s.Fields.Select(f => f.Name)));
        Assert.Equal("id, seller, category, ts, name",
            string.Join(", ", Query("SELECT a.*, name FROM orders o JOIN auctions a USING (id)").ResultSchema.Fields.Select(f => f.Name)));
        Assert.Equal("id, id0, id1", string.Join(", ", Query("SELECT id, o.id, a.id FROM orders o LEFT JOIN auctions a USING (id)").ResultSchema.Fields.Select(f => f.Name)));
        // The merged column of a FULL join is COALESCE(o.id, a.id): nullable on neither side alone, nullable in the type.
        Assert.Equal("id, amount, name, seller, category, ts",
            string.Join(", ", Query("SELECT * FROM orders o NATURAL FULL JOIN auctions a").ResultSchema.Fields.Select(f => f.Name)));
        Assert.Contains("COALESCE", _f.Explain("SELECT id FROM orders o FULL JOIN auctions a USING (id)"));
        Assert.Contains("Join(joinType=[InnerJoin], where=[($f3 = id0)]", _f.Explain("SELECT * FROM orders NATURAL JOIN auctions"));
    }

    [Theory]
    [InlineData("SELECT * FROM orders JOIN auctions USING (nope)", 43, "Column 'nope' not found in any table")]
    [InlineData("SELECT * FROM orders JOIN auctions USING (id, id)", 47, "Duplicate name 'id' in column list")]
    [InlineData("SELECT * FROM orders JOIN auctions USING (name)", 43, "Column 'name' not found in any table")]
    [InlineData("SELECT * FROM bids b JOIN (SELECT CAST(auction AS STRING) AS auction FROM bids) c USING (auction)", 90,
        "Column 'auction' matched using NATURAL keyword or USING clause has incompatible types")]
    [InlineData("SELECT * FROM (orders o JOIN auctions a ON o.id = a.id) JOIN bids USING (id)", 74, "Column name 'id' in USING clause is not unique on one side of join")]
    public void Using_names_what_is_wrong_at_the_column(string sql, int column, string expectedStart)
    {
        var e = _f.Error(sql);
        Assert.StartsWith(expectedStart, e.Problem);
        Assert.Equal((1, column), (e.Span.Line, e.Span.Column));
    }

    [Fact]
    public void Changelog_follows_flink_inner_of_appends_appends_outer_and_updating_inputs_update()
    {
        Assert.Equal(ChangelogMode.InsertOnly, Query("SELECT b.price FROM bids b JOIN auctions a ON b.auction = a.id").Changelog);
        Assert.NotEqual(ChangelogMode.InsertOnly, Query("SELECT b.price FROM bids b LEFT JOIN auctions a ON b.auction = a.id").Changelog);
        var updating = Spec("SELECT c.n, a.seller FROM (SELECT auction, COUNT(*) AS n FROM bids GROUP BY auction) c JOIN auctions a ON c.auction = a.id");
        Assert.Equal(ChangelogMode.All, updating.OutputChangelog);
        var e = _f.Error("INSERT INTO appends SELECT b.auction, a.seller FROM bids b FULL JOIN auctions a ON b.auction = a.id");
        Assert.Contains("doesn't support consuming update and delete changes which is produced by node Join(joinType=[FullOuterJoin]", e.Problem);
    }

    [Fact]
    public void Explain_prints_flinks_join_with_hashed_inputs()
    {
        var text = _f.Explain("SELECT b.price, a.seller FROM bids b JOIN auctions a ON b.auction = a.id AND b.price > a.category");
        Assert.Contains("LogicalJoin(condition=[AND(=(auction, id), >(price, CAST(category AS BIGINT)))], joinType=[inner])", text);
        Assert.Contains("Join(joinType=[InnerJoin], where=[((auction = id) AND (price > CAST(category AS BIGINT)))], select=[auction, price, id, seller, category], "
            + "leftInputSpec=[NoUniqueKey], rightInputSpec=[NoUniqueKey])", text);
        Assert.Contains("Exchange(distribution=[hash[auction]])", text);
        Assert.Contains("Exchange(distribution=[hash[id]])", text);
    }

    [Theory]
    [InlineData("SELECT * FROM bids b JOIN auctions a ON b.price > a.seller")]
    [InlineData("SELECT * FROM bids b, auctions a")]
    [InlineData("SELECT * FROM bids b CROSS JOIN auctions a WHERE b.price < a.seller")]
    public void A_join_without_an_equality_runs_on_one_subtask_with_both_inputs_gathered_as_flinks_singleton_join(string sql)
    {
        var text = _f.Explain(sql);
        Assert.Contains("Join(joinType=[InnerJoin]", text);
        var physical = text.Split("== Optimized Physical Plan ==")[1].Split("== Optimized Execution Plan ==")[0];
        Assert.Equal(2, physical.Split("Exchange(distribution=[single])").Length - 1);
    }

    [Fact]
    public void Nested_columns_are_carried_through_join_state_and_rows_and_arrays_joined_on_but_not_maps()
    {
        _f.Run("CREATE TABLE nested (id BIGINT, tags ARRAY<STRING>, info ROW<a STRING, b INT>, attrs MAP<STRING, STRING>) WITH ('connector' = 'datagen');");
        Assert.Equal(JoinType.Inner, Spec("SELECT n.tags, a.seller FROM nested n JOIN auctions a ON n.id = a.id").JoinType);
        Assert.Equal(JoinType.Inner, Spec("SELECT n.id FROM nested n JOIN nested m ON n.tags = m.tags").JoinType);
        Assert.Equal(JoinType.Inner, Spec("SELECT n.id FROM nested n JOIN nested m ON n.info = m.info").JoinType);
        var e = _f.Error("SELECT n.id FROM nested n JOIN nested m ON n.attrs = m.attrs");
        Assert.StartsWith("Not supported yet: a join on 'attrs' of type MAP<STRING, STRING> (MAP and MULTISET values cannot be join keys", e.Problem);
    }

    [Fact]
    public void On_must_be_a_condition()
    {
        var e = _f.Error("SELECT * FROM bids b JOIN auctions a ON b.price");
        Assert.StartsWith("JOIN ON must be a condition (BOOLEAN)", e.Problem);
    }
}
