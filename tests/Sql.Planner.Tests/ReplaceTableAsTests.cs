namespace StreamSql.Sql.Planner.Tests;

/// <summary><c>[CREATE OR] REPLACE TABLE ... AS SELECT</c> (Flink's RTAS) and <c>EXECUTE</c> of CTAS / RTAS.</summary>
public sealed class ReplaceTableAsTests
{
    private readonly PlannerFixture _f = new();

    public ReplaceTableAsTests() =>
        _f.Run("CREATE TABLE src (a INT, b STRING) WITH ('connector' = 'datagen')");

    private string[] Columns(string table) => _f.Run<TableResult>("DESCRIBE " + table).Rows.Select(r => r[0] + " " + r[1]).ToArray();

    [Fact]
    public void Replace_table_drops_and_recreates_the_table_with_the_querys_columns_and_new_options()
    {
        _f.Run("CREATE TABLE t (x DOUBLE) WITH ('connector' = 'print')");
        var insert = _f.Run<InsertPlan>("REPLACE TABLE t WITH ('connector' = 'blackhole') AS SELECT a, b FROM src");
        Assert.Equal(new[] { "default_catalog.default_database.t" }, insert.TargetTables);
        Assert.Equal(new[] { "a INT", "b STRING" }, Columns("t"));
        Assert.Equal("blackhole", _f.Catalog.FindTable("t")!.Connector);
    }

    [Fact]
    public void Replace_table_of_a_missing_table_is_flinks_error_and_create_or_replace_creates_it()
    {
        Assert.Equal(
            "The table `default_catalog`.`default_database`.`t` to be replaced doesn't exist. You can try to use CREATE TABLE AS statement or CREATE OR REPLACE TABLE AS statement.",
            _f.Error("REPLACE TABLE t WITH ('connector' = 'blackhole') AS SELECT a FROM src").Problem);
        Assert.Null(_f.Catalog.FindTable("t"));

        _f.Run("CREATE OR REPLACE TABLE t WITH ('connector' = 'blackhole') AS SELECT a FROM src");
        Assert.Equal(new[] { "a INT" }, Columns("t"));
        _f.Run("CREATE OR REPLACE TABLE t (id BIGINT, PRIMARY KEY (id) NOT ENFORCED) COMMENT 'again' WITH ('connector' = 'blackhole') AS SELECT CAST(a AS BIGINT) AS id, b FROM src");
        Assert.Equal(new[] { "id BIGINT", "b STRING" }, Columns("t"));
        Assert.Equal("again", _f.Catalog.FindTable("t")!.Comment);
    }

    [Fact]
    public void A_replacement_that_cannot_be_planned_or_is_only_explained_keeps_the_old_table()
    {
        _f.Run("CREATE TABLE t (x DOUBLE) WITH ('connector' = 'print')");
        Assert.Contains("nosuch", _f.Error("REPLACE TABLE t WITH ('connector' = 'blackhole') AS SELECT nosuch FROM src").Problem);
        Assert.Equal(new[] { "x DOUBLE" }, Columns("t"));
        Assert.Contains("Unsupported options:\n\nnope", _f.Error("REPLACE TABLE t WITH ('connector' = 'blackhole', 'nope' = '1') AS SELECT a FROM src").Problem);
        Assert.Equal(new[] { "x DOUBLE" }, Columns("t"));

        var explain = _f.Explain("CREATE OR REPLACE TABLE t WITH ('connector' = 'blackhole') AS SELECT a FROM src");
        Assert.Contains("Sink(table=[default_catalog.default_database.t], fields=[a])", explain);
        Assert.Equal(new[] { "x DOUBLE" }, Columns("t"));
        Assert.Equal("print", _f.Catalog.FindTable("t")!.Connector);
    }

    [Fact]
    public void A_view_is_not_replaced_by_replace_table()
    {
        _f.Run("CREATE VIEW v AS SELECT a FROM src");
        Assert.StartsWith("'default_catalog.default_database.v' is a view", _f.Error("CREATE OR REPLACE TABLE v WITH ('connector' = 'blackhole') AS SELECT a FROM src").Problem);
        Assert.NotNull(_f.Catalog.FindView("v"));
    }

    [Fact]
    public void Replace_table_in_another_catalog_and_database()
    {
        _f.Run("CREATE CATALOG c1 WITH ('type' = 'generic_in_memory'); CREATE DATABASE c1.db");
        _f.Run("CREATE OR REPLACE TABLE c1.db.t WITH ('connector' = 'blackhole') AS SELECT a FROM src");
        _f.Run("USE c1.db");
        var insert = _f.Run<InsertPlan>("REPLACE TABLE t WITH ('connector' = 'blackhole') AS SELECT b FROM default_catalog.default_database.src");
        Assert.Equal(new[] { "c1.db.t" }, insert.TargetTables);
        Assert.Equal(new[] { "b STRING" }, Columns("t"));
    }

    [Fact]
    public void Execute_takes_create_and_replace_table_as()
    {
        Assert.IsType<InsertPlan>(_f.Run("EXECUTE CREATE TABLE t WITH ('connector' = 'blackhole') AS SELECT a FROM src"));
        Assert.Equal(new[] { "a INT" }, Columns("t"));
        Assert.IsType<InsertPlan>(_f.Run("EXECUTE REPLACE TABLE t WITH ('connector' = 'blackhole') AS SELECT b FROM src"));
        Assert.Equal(new[] { "b STRING" }, Columns("t"));
        Assert.IsType<InsertPlan>(_f.Run("EXECUTE CREATE OR REPLACE TABLE u WITH ('connector' = 'blackhole') AS SELECT a, b FROM src"));
    }

    [Fact]
    public void Replace_stays_a_function_name()
    {
        var plan = _f.Run<QueryPlan>("SELECT REPLACE(b, 'x', 'y') AS replace FROM src");
        Assert.Equal("replace", plan.ResultSchema[0].Name);
    }
}
