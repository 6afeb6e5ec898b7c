using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Catalog;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>Flink 1.20's table distribution (FLIP-376): stored by the catalog, printed by SHOW CREATE TABLE, merged by
/// LIKE, and refused when an INSERT writes the table (no connector here implements SupportsBucketing).</summary>
public sealed class TableDistributionTests
{
    private readonly PlannerFixture _f = new();

    private string ShowCreate(string table) => _f.Run<TableResult>("SHOW CREATE TABLE " + table).Rows[0][0]!;

    [Fact]
    public void The_catalog_keeps_the_distribution_and_show_create_table_prints_it_as_flink_does()
    {
        _f.Run("CREATE TABLE t (a INT, b STRING, c INT) COMMENT 'x' DISTRIBUTED BY HASH(a, b) INTO 4 BUCKETS PARTITIONED BY (c) WITH ('connector' = 'blackhole')");
        var stored = _f.Catalog.FindTable("t")!.Distribution!;
        Assert.Equal((DistributionKind.Hash, 4), (stored.Kind, stored.BucketCount));
        Assert.Equal(["a", "b"], stored.BucketKeys);
        Assert.Equal("""
            CREATE TABLE `default_catalog`.`default_database`.`t` (
              `a` INT,
              `b` VARCHAR(2147483647),
              `c` INT
            )
            COMMENT 'x'
            DISTRIBUTED BY HASH(`a`, `b`) INTO 4 BUCKETS
            PARTITIONED BY (`c`)
            WITH (
              'connector' = 'blackhole'
            )

            """.Replace("\r", ""), ShowCreate("t"));
    }

    [Theory]
    [InlineData("DISTRIBUTED BY RANGE(a)", "DISTRIBUTED BY RANGE(`a`)")]
    [InlineData("DISTRIBUTED BY (a) INTO 3 BUCKETS", "DISTRIBUTED BY (`a`) INTO 3 BUCKETS")]
    [InlineData("DISTRIBUTED INTO 6 BUCKETS", "DISTRIBUTED INTO 6 BUCKETS")]
    public void Each_form_prints_in_flink_s_serializable_form(string clause, string shown)
    {
        _f.Run($"CREATE TABLE t (a INT) {clause} WITH ('connector' = 'blackhole')");
        Assert.Contains("\n" + shown + "\nWITH (", ShowCreate("t"));
    }

    [Fact]
    public void A_bucket_key_must_be_a_column_of_the_table()
    {
        var e = _f.Error("CREATE TABLE t (amount INT) DISTRIBUTED BY HASH(amout) WITH ('connector' = 'blackhole')");
        Assert.StartsWith("Bucket key column 'amout' not defined in the table schema", e.Problem);
        Assert.Contains("amount", e.Problem);
        Assert.Equal(49, e.Span.Column);
    }

    [Fact]
    public void Like_includes_the_base_distribution_unless_excluded_and_refuses_two()
    {
        _f.Run("CREATE TABLE base (a INT, b INT) DISTRIBUTED BY HASH(a) INTO 2 BUCKETS WITH ('connector' = 'blackhole')");
        _f.Run("CREATE TABLE copy LIKE base");
        Assert.Equal("DISTRIBUTED BY HASH(`a`) INTO 2 BUCKETS", _f.Catalog.FindTable("copy")!.Distribution!.ToString());
        _f.Run("CREATE TABLE plain LIKE base (EXCLUDING DISTRIBUTION)");
        Assert.Null(_f.Catalog.FindTable("plain")!.Distribution);
        _f.Run("CREATE TABLE none_at_all LIKE base (EXCLUDING ALL)");
        Assert.Null(_f.Catalog.FindTable("none_at_all")!.Distribution);
        _f.Run("CREATE TABLE own DISTRIBUTED INTO 8 BUCKETS LIKE base (EXCLUDING DISTRIBUTION)");
        Assert.Equal("DISTRIBUTED INTO 8 BUCKETS", _f.Catalog.FindTable("own")!.Distribution!.ToString());

        var e = _f.Error("CREATE TABLE both_ DISTRIBUTED BY HASH(b) LIKE base");
        Assert.Equal("The base table already has a distribution defined. You might want to specify EXCLUDING DISTRIBUTION.", e.Problem);
        Assert.Equal(20, e.Span.Column);
    }

    [Fact]
    public void Alter_table_keeps_the_distribution()
    {
        _f.Run("CREATE TABLE t (a INT) DISTRIBUTED INTO 3 BUCKETS WITH ('connector' = 'blackhole')");
        _f.Run("ALTER TABLE t SET ('connector' = 'print')");
        _f.Run("ALTER TABLE t ADD b STRING");
        Assert.Contains("\nDISTRIBUTED INTO 3 BUCKETS\n", ShowCreate("t"));
    }

    [Theory]
    [InlineData("ALTER TABLE t DROP a")]
    [InlineData("ALTER TABLE t RENAME a TO z")]
    public void A_bucket_key_cannot_be_dropped_or_renamed(string alter)
    {
        _f.Run("CREATE TABLE t (a INT, b INT) DISTRIBUTED BY HASH(a) WITH ('connector' = 'blackhole')");
        Assert.EndsWith("The column `a` is used as a distribution key.", _f.Error(alter).Problem);
        _f.Run("ALTER TABLE t DROP b");
        Assert.Equal(["a"], _f.Catalog.FindTable("t")!.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Writing_a_bucketed_table_is_refused_with_flink_s_message()
    {
        _f.Run("CREATE TABLE src (a INT) WITH ('connector' = 'datagen')");
        _f.Run("CREATE TABLE sink (a INT) DISTRIBUTED BY HASH(a) INTO 4 BUCKETS WITH ('connector' = 'blackhole')");
        var e = _f.Error("INSERT INTO sink SELECT a FROM src");
        Assert.Equal("Table 'default_catalog.default_database.sink' is a bucketed table, but the underlying DynamicTableSink doesn't implement the SupportsBucketing interface.", e.Problem);
        Assert.Equal(13, e.Span.Column);

        // CTAS too, and the table is not left behind.
        var ctas = _f.Error("CREATE TABLE made DISTRIBUTED INTO 2 BUCKETS WITH ('connector' = 'blackhole') AS SELECT a FROM src");
        Assert.StartsWith("Table 'default_catalog.default_database.made' is a bucketed table", ctas.Problem);
        Assert.Null(_f.Catalog.FindTable("made"));

        // Reading it is fine: a source ignores the distribution.
        _f.Run("CREATE TABLE bucketed_src (a INT) DISTRIBUTED INTO 2 BUCKETS WITH ('connector' = 'datagen')");
        _f.Run("CREATE TABLE out_ (a INT) WITH ('connector' = 'blackhole')");
        _f.Run("INSERT INTO out_ SELECT a FROM bucketed_src");
    }
}
