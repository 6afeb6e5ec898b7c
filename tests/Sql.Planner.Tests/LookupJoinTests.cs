using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>Lookup joins (<c>JOIN t FOR SYSTEM_TIME AS OF o.proc_time</c>): what they bind to, and Flink's errors.</summary>
public sealed class LookupJoinTests
{
    private const string Tables = """
        CREATE TABLE o (k INT, k2 BIGINT, code STRING, ts TIMESTAMP(3), pt AS PROCTIME(), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen');
        CREATE TABLE dim (id BIGINT, code STRING, name STRING) WITH ('connector' = 'jdbc', 'url' = 'jdbc:postgresql://db/x', 'table-name' = 'dim');
        CREATE TABLE files (id BIGINT, name STRING) WITH ('connector' = 'filesystem', 'path' = '/tmp/x');
        CREATE TABLE sink (k INT, name STRING) WITH ('connector' = 'print');
        """;

    private static PlannerFixture Fixture()
    {
        var f = new PlannerFixture();
        f.Run(Tables);
        return f;
    }

    private static LookupJoinSpec LookupSpec(PlannerFixture f, string query)
    {
        var plan = f.Run<InsertPlan>("INSERT INTO sink " + query);
        return plan.Job.Vertices.SelectMany(v => v.Chain).OfType<LookupJoinSpec>().Single();
    }

    [Fact]
    public void As_of_the_tables_own_proctime_column_the_left_side_lacks_is_a_lookup_join_and_other_computed_columns_stay_refused()
    {
        // The flink-sql-cookbook's 05_expanding_arrays: Flink resolves the period in the join's scope, so `proctime` names the
        // looked-up table's own PROCTIME() column when the left side has none.
        var f = Fixture();
        f.Run("CREATE TABLE langs (spell STRING, lang STRING, proctime AS PROCTIME()) WITH ('connector' = 'jdbc', 'url' = 'jdbc:postgresql://db/x', 'table-name' = 'langs');");
        f.Run("CREATE TABLE plain (k INT, spell STRING) WITH ('connector' = 'datagen');");
        var spec = LookupSpec(f, "SELECT p.k, l.lang FROM plain AS p JOIN langs FOR SYSTEM_TIME AS OF proctime AS l ON p.spell = l.spell");
        Assert.Equal([0], spec.Keys.Select(k => k.DimColumn));
        // A name both sides have is ambiguous in that scope (Calcite's message); qualified, the left side's is taken.
        f.Run("CREATE TABLE timed (k INT, spell STRING, proctime AS PROCTIME()) WITH ('connector' = 'datagen');");
        var ambiguous = f.Error("INSERT INTO sink SELECT t.k, l.lang FROM timed AS t JOIN langs FOR SYSTEM_TIME AS OF proctime AS l ON t.spell = l.spell");
        Assert.Equal("Column 'proctime' is ambiguous", ambiguous.Problem);
        Assert.Equal([0], LookupSpec(f, "SELECT t.k, l.lang FROM timed AS t JOIN langs FOR SYSTEM_TIME AS OF t.proctime AS l ON t.spell = l.spell").Keys.Select(k => k.DimColumn));
        f.Run("CREATE TABLE upper_langs (spell STRING, lang STRING, shout AS UPPER(lang)) WITH ('connector' = 'jdbc', 'url' = 'jdbc:postgresql://db/x', 'table-name' = 'langs');");
        var e = f.Error("INSERT INTO sink SELECT o.k, l.lang FROM o JOIN upper_langs FOR SYSTEM_TIME AS OF o.pt AS l ON o.code = l.spell");
        Assert.Contains("computed or metadata columns on the table of a temporal table join ('upper_langs')", e.Problem);
    }

    [Fact]
    public void A_string_key_against_a_number_column_is_refused_in_flinks_words()
    {
        // LookupJoinTest.testJoinOnDifferentKeyTypes.
        var e = Fixture().Error("INSERT INTO sink SELECT o.k, d.name FROM o JOIN dim FOR SYSTEM_TIME AS OF o.pt AS d ON o.code = d.id");
        Assert.Equal("implicit type conversion between VARCHAR(2147483647) and BIGINT is not supported on join's condition now", e.Problem);
    }

    [Fact]
    public void Equalities_on_the_table_become_lookup_keys_cast_to_the_column_type_and_the_rest_a_join_condition()
    {
        var spec = LookupSpec(Fixture(), "SELECT o.k, d.name FROM o JOIN dim FOR SYSTEM_TIME AS OF o.pt AS d ON o.k = d.id AND d.name <> o.code AND 'x' = d.code");
        Assert.Equal(LookupJoinType.Inner, spec.JoinType);
        Assert.Equal([0, 1], spec.Keys.Select(k => k.DimColumn));
        Assert.Contains("CAST", spec.Keys[0].Source.ToString());
        Assert.Equal("x", Assert.IsType<Expressions.Literal>(spec.Keys[1].Source).Value);
        Assert.NotNull(spec.Condition);
        Assert.False(spec.Cache.Enabled);
        Assert.Equal(100, spec.Async.Capacity);
    }

    [Fact]
    public void Allow_unordered_holds_for_an_insert_only_input_and_an_updating_input_is_always_ordered_as_in_flink()
    {
        var f = Fixture();
        Assert.True(LookupSpec(f, "SELECT o.k, d.name FROM o JOIN dim FOR SYSTEM_TIME AS OF o.pt AS d ON o.k2 = d.id").Async.Ordered);
        f.Configuration = f.Configuration.With("table.exec.async-lookup.output-mode", "ALLOW_UNORDERED");
        Assert.False(LookupSpec(f, "SELECT o.k, d.name FROM o JOIN dim FOR SYSTEM_TIME AS OF o.pt AS d ON o.k2 = d.id").Async.Ordered);
        f.Run("CREATE TABLE changes (k2 BIGINT, pt AS PROCTIME()) WITH ('connector' = 'kafka', 'topic' = 't', 'format' = 'debezium-json');");
        var updating = LookupSpec(f, "SELECT CAST(c.k2 AS INT), d.name FROM changes AS c JOIN dim FOR SYSTEM_TIME AS OF c.pt AS d ON c.k2 = d.id");
        Assert.NotEqual(ChangelogMode.InsertOnly, updating.OutputChangelog);
        Assert.True(updating.Async.Ordered);
    }

    [Fact]
    public void Left_join_makes_the_table_columns_nullable_and_reads_cache_and_async_options()
    {
        var f = Fixture();
        f.Configuration = f.Configuration.With("table.exec.async-lookup.buffer-capacity", "7");
        var spec = LookupSpec(f, "SELECT o.k, d.name FROM o LEFT JOIN dim FOR SYSTEM_TIME AS OF o.pt AS d ON o.k2 = d.id");
        Assert.Equal(LookupJoinType.Left, spec.JoinType);
        Assert.Equal(7, spec.Async.Capacity);
        f.Run("""
            CREATE TABLE cached (id BIGINT, name STRING) WITH ('connector' = 'jdbc', 'url' = 'jdbc:postgresql://db/x', 'table-name' = 'dim',
              'lookup.cache' = 'PARTIAL', 'lookup.partial-cache.max-rows' = '10', 'lookup.partial-cache.expire-after-write' = '1 min',
              'lookup.partial-cache.cache-missing-key' = 'false');
            """);
        var cached = LookupSpec(f, "SELECT o.k, d.name FROM o LEFT JOIN cached FOR SYSTEM_TIME AS OF o.pt AS d ON o.k2 = d.id");
        Assert.True(cached.Cache.Enabled);
        Assert.Equal(10, cached.Cache.MaxRows);
        Assert.Equal(TimeSpan.FromMinutes(1), cached.Cache.ExpireAfterWrite);
        Assert.Null(cached.Cache.ExpireAfterAccess);
        Assert.False(cached.Cache.CacheMissingKey);
        Assert.True(cached.OutputSchema[3].Type.Nullable);
    }

    [Fact]
    public void A_lookup_hint_gives_the_join_it_names_its_own_async_settings_as_in_flink()
    {
        var f = Fixture();
        var hinted = LookupSpec(f, "SELECT /*+ LOOKUP('table'='d', 'async'='true', 'output-mode'='allow_unordered', 'capacity'='7', 'timeout'='180s') */ " +
            "o.k, d.name FROM o JOIN dim FOR SYSTEM_TIME AS OF o.pt AS d ON o.k2 = d.id");
        Assert.Equal(new AsyncLookupSettings(7, TimeSpan.FromSeconds(180), Ordered: false), hinted.Async);
        // By the table's name; 'async' = 'false' is a synchronous lookup: one batch's lookups at a time.
        var sync = LookupSpec(f, "SELECT /*+ LOOKUP('table'='dim', 'async'='false') */ o.k, d.name FROM o JOIN dim FOR SYSTEM_TIME AS OF o.pt AS d ON o.k2 = d.id");
        Assert.Equal(new AsyncLookupSettings(1, TimeSpan.FromMinutes(3), Ordered: true), sync.Async);
        var retry = LookupSpec(f, "SELECT /*+ LOOKUP('table'='d', 'retry-predicate'='lookup_miss', 'retry-strategy'='fixed_delay', 'fixed-delay'='10s', " +
            "'max-attempts'='3') */ o.k, d.name FROM o JOIN dim FOR SYSTEM_TIME AS OF o.pt AS d ON o.k2 = d.id");
        Assert.Equal(new LookupMissRetry(TimeSpan.FromSeconds(10), 3), retry.Async.RetryOnMiss);
    }

    [Theory]
    [InlineData("'table'='nope'", "The LOOKUP hint names table 'nope', which is not the table (or alias) of a lookup join in this SELECT's FROM clause")]
    [InlineData("'table'='d', 'capacity'='0'", "Invalid LOOKUP hint option 'capacity' = '0': expected a positive integer")]
    [InlineData("'table'='d', 'timeout'='soon'", "Invalid LOOKUP hint option 'timeout' = 'soon': expected a duration such as '180s'")]
    [InlineData("'output-mode'='ordered'", "Invalid LOOKUP hint: the 'table' option (the lookup table's name or alias) is required")]
    [InlineData("'table'='d', 'colour'='red'", "Invalid LOOKUP hint option 'colour'; the options are 'table', 'async', 'output-mode', 'capacity', 'timeout', 'retry-predicate', 'retry-strategy', 'fixed-delay' and 'max-attempts'")]
    [InlineData("'table'='d', 'retry-predicate'='lookup_miss'", "Invalid LOOKUP hint: a retry needs all of 'retry-predicate'='lookup_miss', 'retry-strategy'='fixed_delay', 'fixed-delay' and 'max-attempts'")]
    [InlineData("'table'='d', 'retry-predicate'='lookup_miss', 'retry-strategy'='exponential', 'fixed-delay'='1s', 'max-attempts'='3'", "Invalid LOOKUP hint option 'retry-strategy' = 'exponential': expected 'fixed_delay'")]
    [InlineData("'table'='d', 'retry-predicate'='lookup_miss', 'retry-strategy'='fixed_delay', 'fixed-delay'='1s', 'max-attempts'='0'", "Invalid LOOKUP hint option 'max-attempts' = '0': expected a positive integer")]
    public void A_bad_lookup_hint_is_an_error_at_the_hint(string options, string problem)
    {
        var e = Fixture().Error($"SELECT /*+ LOOKUP({options}) */ o.k, d.name FROM o JOIN dim FOR SYSTEM_TIME AS OF o.pt AS d ON o.k2 = d.id");
        Assert.Equal(problem, e.Problem);
        Assert.Equal((1, 12), (e.Span.Line, e.Span.Column));
    }

    [Fact]
    public void A_join_without_an_equality_on_the_table_is_refused_as_Flink_refuses_it()
    {
        var e = Fixture().Error("SELECT * FROM o JOIN dim FOR SYSTEM_TIME AS OF o.pt AS d ON o.k > d.id");
        Assert.Equal("Temporal table join requires an equality condition on fields of table [default_catalog.default_database.dim].", e.Problem);
        var computed = Fixture().Error("SELECT * FROM o JOIN dim FOR SYSTEM_TIME AS OF o.pt AS d ON o.k + 1 = d.id + 2");
        Assert.Contains("requires an equality condition on fields of table", computed.Problem);
    }

    [Fact]
    public void The_input_keeps_the_columns_read_above_by_the_keys_and_by_the_condition_and_an_unread_proctime_is_not_computed()
    {
        var f = Fixture();
        // As Flink's plan: k2 (key) and code (condition) stay, k and pt are dropped (ts stays for the watermark).
        var pruned = PhysicalPlan(f.Explain("SELECT d.name FROM o JOIN dim FOR SYSTEM_TIME AS OF o.pt AS d ON o.k2 = d.id AND d.name <> o.code"));
        Assert.Contains("select=[k2, code, ts, id, code0, name]", pruned);
        Assert.DoesNotContain("PROCTIME()", pruned);
        Assert.Contains("fields=[k2, code, ts]", pruned);
        // Read above, the attribute is computed and passed through.
        var kept = PhysicalPlan(f.Explain("SELECT o.pt, d.name FROM o JOIN dim FOR SYSTEM_TIME AS OF o.pt AS d ON o.k2 = d.id"));
        Assert.Contains("select=[k2, ts, pt, id, code0, name]", kept);
        Assert.Contains("PROCTIME() AS pt", kept);
    }

    private static string PhysicalPlan(string explain) => explain[explain.IndexOf("== Optimized Physical Plan ==", StringComparison.Ordinal)..];

    [Fact]
    public void The_time_must_be_the_left_sides_processing_time_attribute()
    {
        var e = Fixture().Error("SELECT * FROM o JOIN dim FOR SYSTEM_TIME AS OF PROCTIME() AS d ON o.k = d.id");
        Assert.Equal("Temporal table join currently only supports 'FOR SYSTEM_TIME AS OF' left table's time attribute field", e.Problem);
        var rowtime = Fixture().Error("SELECT * FROM o JOIN dim FOR SYSTEM_TIME AS OF o.ts AS d ON o.k = d.id");
        Assert.StartsWith("Event-Time Temporal Table Join requires both primary key and row time attribute in versioned table", rowtime.Problem);
        var plain = Fixture().Error("SELECT * FROM o JOIN dim FOR SYSTEM_TIME AS OF o.code AS d ON o.k = d.id");
        Assert.Contains("left table's time attribute field", plain.Problem);
    }

    [Fact]
    public void Only_inner_and_left_joins_of_tables_a_connector_can_look_up()
    {
        var right = Fixture().Error("SELECT * FROM o RIGHT JOIN dim FOR SYSTEM_TIME AS OF o.pt AS d ON o.k = d.id");
        Assert.Equal("Temporal table join currently only support INNER JOIN and LEFT JOIN, but was RIGHT JOIN.", right.Problem);
        var files = Fixture().Error("SELECT * FROM o JOIN files FOR SYSTEM_TIME AS OF o.pt AS d ON o.k = d.id");
        Assert.StartsWith("Processing-time temporal join is not supported yet.", files.Problem);
        Assert.Contains("table [default_catalog.default_database.files]", files.Problem);
        var bad = Fixture();
        bad.Run("CREATE TABLE unbounded (id BIGINT) WITH ('connector' = 'jdbc', 'lookup.cache' = 'PARTIAL')");
        var cache = bad.Error("SELECT * FROM o JOIN unbounded FOR SYSTEM_TIME AS OF o.pt AS d ON o.k = d.id");
        Assert.Contains("'lookup.cache' = 'PARTIAL' without a bound", cache.Problem);
        Assert.True(cache.Span.Column > 0);
    }
}
