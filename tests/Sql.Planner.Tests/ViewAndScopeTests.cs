using StreamSql.Sql.Planner.Expressions;

namespace StreamSql.Sql.Planner.Tests;

public sealed class ViewAndScopeTests
{
    private readonly PlannerFixture _f = new();

    public ViewAndScopeTests() => _f.Run(PlannerFixture.Bids);

    [Fact]
    public void Views_are_rebound_on_use_and_report_a_dropped_table_at_the_reference()
    {
        _f.Run("CREATE VIEW v AS SELECT id, name FROM orders");
        _f.Run("DROP TABLE orders");
        var e = _f.Error("SELECT *\nFROM v");
        Assert.Contains("View 'v' can no longer be used: Object 'orders' not found", e.Problem);
        Assert.Equal((2, 6), (e.Span.Line, e.Span.Column));
    }

    [Fact]
    public void Ctes_see_earlier_ctes_and_shadow_tables()
    {
        var schema = _f.Run<QueryPlan>("""
            WITH orders AS (SELECT auction AS id FROM bids), twice AS (SELECT id * 2 AS d FROM orders)
            SELECT d FROM twice
            """).ResultSchema;
        Assert.Equal("d", schema[0].Name);
        Assert.Equal(Types.SqlTypeKind.BigInt, schema[0].Type.Kind);
    }

    [Fact]
    public void Qualified_references_use_the_alias()
    {
        Assert.IsType<QueryPlan>(_f.Run("SELECT b.price FROM bids AS b WHERE b.auction > 1"));
        var e = _f.Error("SELECT x.price FROM bids AS b");
        Assert.StartsWith("Table 'x' not found", e.Problem);
        var e2 = _f.Error("SELECT b.prise FROM bids AS b");
        Assert.Equal("Column 'prise' not found in table 'b'; did you mean 'price'?", e2.Problem);
    }

    [Fact]
    public void Sink_only_tables_cannot_be_read()
    {
        Assert.Contains("can only be used as a sink", _f.Error("SELECT * FROM out_table").Problem);
    }

    [Fact]
    public void Alter_view_rename_and_show_create_view()
    {
        _f.Run("CREATE VIEW v AS SELECT auction FROM bids");
        _f.Run("ALTER VIEW v RENAME TO w");
        Assert.Null(_f.Catalog.FindView("v"));
        var text = _f.Run<TableResult>("SHOW CREATE VIEW w").Rows[0][0]!;
        // Flink's layout, with the query expanded as Flink's validator stores it.
        Assert.Equal("CREATE VIEW `default_catalog`.`default_database`.`w` (\n  `auction`\n)\n"
            + "AS SELECT `bids`.`auction`\nFROM `default_catalog`.`default_database`.`bids` AS `bids`\n", text);
        Assert.Contains("does not exist", _f.Error("DROP VIEW v").Problem);
        _f.Run("DROP VIEW w");
        Assert.Empty(_f.Catalog.Views);

        // Flink 2.x's ShowCreateUtil: the comment on its own line between the columns and AS.
        _f.Run("CREATE VIEW c COMMENT 'it''s commented' AS SELECT auction FROM bids");
        Assert.Contains("  `auction`\n)\nCOMMENT 'it''s commented'\nAS SELECT `bids`.`auction`\n", _f.Run<TableResult>("SHOW CREATE VIEW c").Rows[0][0]!);

        // A query past the plain shape (here a filter) is shown as it was written.
        _f.Run("CREATE VIEW f AS SELECT b.auction AS a FROM bids AS b WHERE auction > 1");
        Assert.EndsWith(")\nAS SELECT b.auction AS a FROM bids AS b WHERE auction > 1\n", _f.Run<TableResult>("SHOW CREATE VIEW f").Rows[0][0]!);
        _f.Run("CREATE VIEW g AS SELECT b.auction AS a, * FROM bids AS b");
        Assert.Contains("AS SELECT `b`.`auction` AS `a`, `b`.`auction`, ", _f.Run<TableResult>("SHOW CREATE VIEW g").Rows[0][0]!);
        Assert.EndsWith("\nFROM `default_catalog`.`default_database`.`bids` AS `b`\n", _f.Run<TableResult>("SHOW CREATE VIEW g").Rows[0][0]!);
    }

    [Fact]
    public void Explain_changelog_mode_marks_insert_only_nodes()
    {
        var text = _f.Run<ExplainResult>("EXPLAIN CHANGELOG_MODE SELECT auction FROM bids").Text;
        Assert.Contains("Calc(select=[auction], changelogMode=[I])", text);
    }

    [Fact]
    public void Values_without_from_and_casts_bind()
    {
        var plan = _f.Run<QueryPlan>("SELECT CAST('12' AS INT) AS n, TRY_CAST('x' AS INT), UPPER('a')");
        Assert.Equal(new[] { "n", "EXPR$1", "EXPR$2" }, plan.ResultSchema.Fields.Select(f => f.Name));
        Assert.True(plan.ResultSchema[1].Type.Nullable);
        Assert.Contains("Cast function cannot convert", _f.Error("SELECT CAST(DATE '2024-01-01' AS BOOLEAN)").Problem);
    }
}

public sealed class HintTests
{
    [Fact]
    public void Options_hint_overrides_table_options_for_one_query_and_is_validated()
    {
        var f = new PlannerFixture();
        f.Run(PlannerFixture.Bids);
        var plan = f.Run<QueryPlan>("SELECT id FROM orders /*+ OPTIONS('number-of-rows'='3') */");
        var source = plan.Job.Vertices.SelectMany(v => v.Chain).OfType<Physical.SourceSpec>().Single();
        Assert.Equal("3", source.Table.Options["number-of-rows"]);
        Assert.True(source.Bounded);
        Assert.False(f.Catalog.FindTable("orders")!.Options.ContainsKey("number-of-rows"));
        Assert.Contains("Unsupported options:\n\nnumbr-of-rows", f.Error("SELECT id FROM orders /*+ OPTIONS('numbr-of-rows'='3') */").Problem);
    }

    [Fact]
    public void Options_hint_on_an_insert_target_overrides_the_sinks_options_for_that_insert_and_is_validated()
    {
        var f = new PlannerFixture();
        f.Run(PlannerFixture.Bids);
        f.Run("CREATE TABLE out1 (id INT) WITH ('connector' = 'print')");
        var plan = f.Run<InsertPlan>("INSERT INTO out1 /*+ OPTIONS('sink.parallelism' = '3') */ SELECT id FROM orders");
        var sink = plan.Job.Vertices.Single(v => v.Chain.OfType<Physical.SinkSpec>().Any());
        Assert.Equal(3, sink.Parallelism);
        Assert.False(f.Catalog.FindTable("out1")!.Options.ContainsKey("sink.parallelism"));
        Assert.Contains("Unsupported options:\n\nsink.paralelism", f.Error("INSERT INTO out1 /*+ OPTIONS('sink.paralelism' = '3') */ SELECT id FROM orders").Problem);
    }
}

public sealed class ValuesTests
{
    [Fact]
    public void Values_with_expressions_fold_into_rows_when_an_evaluator_is_given()
    {
        var f = new PlannerFixture(new ArithmeticEvaluator());
        var plan = f.Run<QueryPlan>("SELECT * FROM (VALUES (1 + 1, 'a'), (-3, 'b' || 'c'), (CAST(NULL AS INT), 'd')) AS t(n, s)");
        var values = Assert.Single(plan.Job.Vertices.SelectMany(v => v.Chain).OfType<Physical.ValuesSpec>());
        Assert.Equal(new object?[] { 2L, -3L, null }, values.Rows.Select(r => r[0].Value));
        Assert.Equal(new object?[] { "a", "bc", "d" }, values.Rows.Select(r => r[1].Value));
        // 'b' || 'c' is CHAR(2) (Calcite's ||), so the rows' CHAR(1) and CHAR(2) make VARCHAR(2), as Flink types the VALUES.
        Assert.Equal("n INT, s VARCHAR(2) NOT NULL", string.Join(", ", plan.ResultSchema.Fields.Select(x => $"{x.Name} {x.Type}")));
    }

    [Fact]
    public void Values_with_expressions_stay_projections_of_the_one_row_values_without_an_evaluator()
    {
        var f = new PlannerFixture();
        Assert.Contains("Union(all=[true]", f.Explain("VALUES (1 + 1), (5)"));
        var plan = f.Run<QueryPlan>("VALUES (1 + 1), (5)");
        var expand = Assert.Single(plan.Job.Vertices.SelectMany(v => v.Chain).OfType<Physical.ExpandSpec>());
        Assert.Equal("+", Assert.IsType<Call>(expand.Projects[0][0]).Function);
        Assert.Equal(5L, Assert.IsType<Literal>(expand.Projects[1][0]).Value);
    }
}
