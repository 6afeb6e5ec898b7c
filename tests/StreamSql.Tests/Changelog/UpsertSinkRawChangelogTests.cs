using StreamSql.Execution.Batches;
using StreamSql.Tests.HuntS;
using StreamSql.Tests.ItcE;
using static StreamSql.Tests.HuntS.RestoreProgram;

namespace StreamSql.Tests.Changelog;

/// <summary>
/// The changes a sink receives, record by record, as Flink's planner shapes them (<c>FlinkChangelogModeInferenceProgram</c>):
/// an upsert sink (Flink's values sink with a primary key: <c>I,UA,D</c>) keyed by its input's upsert key is sent no
/// <c>-U</c>, and every operator on the way emits none (a group aggregate, Top-N, deduplication, a join whose updating
/// inputs are keyed by their join keys); a sink that takes <c>-U</c> (no primary key, as Flink's print sink) gets them.
/// One insert-only source paced row by row feeds every branch, so a join of two views of it sees its rows in source order
/// and the changelog is deterministic. The expected changes are worked out from Flink's operators (GroupAggFunction,
/// AppendOnlyTopNFunction, ProcTimeDeduplicateKeepLastRowFunction, StreamingJoinOperator, SinkUpsertMaterializer).
/// </summary>
public sealed class UpsertSinkRawChangelogTests
{
    /// <summary>(side, k, v): 'L' rows feed the left view of a join, 'R' rows the right one.</summary>
    private static readonly (RowKind, object?[])[] Events =
        [I("L", 1, "a"), I("R", 1, "x"), I("R", 1, "y"), I("L", 1, "b"), I("R", 2, "z"), I("L", 2, "c")];

    private const string Counts = """
        CREATE TEMPORARY VIEW lc AS SELECT k, COUNT(*) AS c FROM ev WHERE side = 'L' GROUP BY k;
        CREATE TEMPORARY VIEW rc AS SELECT k, COUNT(*) AS c FROM ev WHERE side = 'R' GROUP BY k
        """;

    private static string Sink(string columns, string? primaryKey) =>
        $"CREATE TABLE snk ({columns}{(primaryKey is null ? "" : $", PRIMARY KEY ({primaryKey}) NOT ENFORCED")}) " +
        "WITH ('connector' = 'itce-values', 'sink-insert-only' = 'false')";

    public static TheoryData<string> Names() => [.. Cases.Keys];

    private static readonly Dictionary<string, (string Ddl, string Insert, string[] Raw)> Cases = new()
    {
        ["aggregate into an upsert sink: +U alone"] = (Sink("k INT NOT NULL, c BIGINT", "k"),
            "INSERT INTO snk SELECT k, COUNT(*) FROM ev GROUP BY k",
            ["+I(1,1)", "+U(1,2)", "+U(1,3)", "+U(1,4)", "+I(2,1)", "+U(2,2)"]),
        ["aggregate into a sink without a key: -U and +U"] = (Sink("k INT, c BIGINT", null),
            "INSERT INTO snk SELECT k, COUNT(*) FROM ev GROUP BY k",
            ["+I(1,1)", "-U(1,1)", "+U(1,2)", "-U(1,2)", "+U(1,3)", "-U(1,3)", "+U(1,4)", "+I(2,1)", "-U(2,1)", "+U(2,2)"]),
        ["aggregate into an upsert sink keyed otherwise: -U kept, materialized"] = (Sink("k INT, c BIGINT NOT NULL", "c"),
            "INSERT INTO snk SELECT k, COUNT(*) FROM ev GROUP BY k",
            ["+I(1,1)", "-D(1,1)", "+I(1,2)", "-D(1,2)", "+I(1,3)", "-D(1,3)", "+I(1,4)", "+I(2,1)", "-D(2,1)", "+I(2,2)"]),
        ["Top-N into an upsert sink keyed by partition and rank"] = (Sink("k INT NOT NULL, v STRING, rn BIGINT NOT NULL", "k, rn"),
            "INSERT INTO snk SELECT k, v, rn FROM (SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn FROM ev) WHERE rn <= 2",
            ["+I(1,a,1)", "+U(1,x,1)", "+I(1,a,2)", "+U(1,y,1)", "+U(1,x,2)", "+I(2,z,1)", "+I(2,c,2)"]),
        ["Top-N into a sink without a key"] = (Sink("k INT, v STRING, rn BIGINT", null),
            "INSERT INTO snk SELECT k, v, rn FROM (SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn FROM ev) WHERE rn <= 2",
            ["+I(1,a,1)", "-U(1,a,1)", "+U(1,x,1)", "+I(1,a,2)", "-U(1,x,1)", "+U(1,y,1)", "-U(1,a,2)", "+U(1,x,2)", "+I(2,z,1)", "+I(2,c,2)"]),
        ["deduplication keeping the last row into an upsert sink"] = (Sink("k INT NOT NULL, v STRING", "k"),
            "INSERT INTO snk SELECT k, v FROM (SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY pt DESC) AS rn FROM ev) WHERE rn = 1",
            ["+I(1,a)", "+U(1,x)", "+U(1,y)", "+U(1,b)", "+I(2,z)", "+U(2,c)"]),
        ["deduplication keeping the last row into a sink without a key"] = (Sink("k INT, v STRING", null),
            "INSERT INTO snk SELECT k, v FROM (SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY pt DESC) AS rn FROM ev) WHERE rn = 1",
            ["+I(1,a)", "-U(1,a)", "+U(1,x)", "-U(1,x)", "+U(1,y)", "-U(1,y)", "+U(1,b)", "+I(2,z)", "-U(2,z)", "+U(2,c)"]),
        // Flink: a UNION ALL has no upsert key, so the sink asks for -U and materializes by its key.
        ["union of aggregates into an upsert sink: materialized"] = (Counts + ";\n" + Sink("s STRING NOT NULL, k INT NOT NULL, c BIGINT", "s, k"),
            "INSERT INTO snk SELECT 'L', k, c FROM lc UNION ALL SELECT 'R', k, c FROM rc",
            ["+I(L,1,1)", "+I(R,1,1)", "-D(R,1,1)", "+I(R,1,2)", "-D(L,1,1)", "+I(L,1,2)", "+I(R,2,1)", "+I(L,2,1)"]),
        ["inner join of aggregates into an upsert sink keyed by the join key: +U alone"] = (Counts + ";\n" + Sink("k INT NOT NULL, lc BIGINT, rc BIGINT", "k"),
            "INSERT INTO snk SELECT l.k, l.c, r.c FROM lc l JOIN rc r ON l.k = r.k",
            ["+I(1,1,1)", "+U(1,1,2)", "+U(1,2,2)", "+I(2,1,1)"]),
        ["inner join of aggregates into a sink without a key"] = (Counts + ";\n" + Sink("k INT, lc BIGINT, rc BIGINT", null),
            "INSERT INTO snk SELECT l.k, l.c, r.c FROM lc l JOIN rc r ON l.k = r.k",
            ["+I(1,1,1)", "-U(1,1,1)", "+U(1,1,2)", "-U(1,1,2)", "+U(1,2,2)", "+I(2,1,1)"]),
        ["left join of aggregates into an upsert sink keyed by the join key: no retraction of replaced rows"] =
            (Counts + ";\n" + Sink("k INT NOT NULL, lc BIGINT, rc BIGINT", "k"),
            "INSERT INTO snk SELECT l.k, l.c, r.c FROM lc l LEFT JOIN rc r ON l.k = r.k",
            ["+I(1,1,null)", "-D(1,1,null)", "+I(1,1,1)", "+I(1,1,2)", "+I(1,2,2)", "+I(2,1,1)"]),
        ["left join of aggregates into a sink without a key"] = (Counts + ";\n" + Sink("k INT, lc BIGINT, rc BIGINT", null),
            "INSERT INTO snk SELECT l.k, l.c, r.c FROM lc l LEFT JOIN rc r ON l.k = r.k",
            ["+I(1,1,null)", "-D(1,1,null)", "+I(1,1,1)", "-U(1,1,1)", "+I(1,1,null)", "-D(1,1,null)", "+I(1,1,2)", "-D(1,1,2)", "+I(1,2,2)",
             "+I(2,1,1)"]),
        // The right side is padded before its first left row: (2, z) waits as +I(null,null,2,1) until (L, 2, c) comes.
        ["right join of aggregates into an upsert sink keyed by the right join key"] = (Counts + ";\n" + Sink("lc BIGINT, k INT NOT NULL, rc BIGINT", "k"),
            "INSERT INTO snk SELECT l.c, r.k, r.c FROM lc l RIGHT JOIN rc r ON l.k = r.k",
            ["+I(1,1,1)", "+I(1,1,2)", "+I(2,1,2)", "+I(null,2,1)", "-D(null,2,1)", "+I(1,2,1)"]),
        // A semi join forwards the right row's kind to the left rows it gives a first match or takes the last one from.
        ["semi join of aggregates into a sink without a key: the right row's kinds"] = (Counts + ";\n" + Sink("k INT, lc BIGINT", null),
            "INSERT INTO snk SELECT k, c FROM lc WHERE k IN (SELECT k FROM rc)",
            ["+I(1,1)", "-U(1,1)", "+U(1,1)", "-U(1,1)", "+U(1,2)", "+I(2,1)"]),
        // A full join pads both sides: no upsert key survives COALESCE, so the sink asks for -U and materializes.
        ["full join of aggregates into an upsert sink: materialized"] = (Counts + ";\n" + Sink("k INT NOT NULL, lc BIGINT, rc BIGINT", "k"),
            "INSERT INTO snk SELECT COALESCE(l.k, r.k), l.c, r.c FROM lc l FULL JOIN rc r ON l.k = r.k",
            ["+I(1,1,null)", "-D(1,1,null)", "+I(1,1,1)", "-D(1,1,1)", "+I(1,1,null)", "-D(1,1,null)", "+I(1,1,2)", "-D(1,1,2)", "+I(1,null,2)",
             "-D(1,null,2)", "+I(1,2,2)", "+I(2,null,1)", "-D(2,null,1)", "+I(2,1,1)"]),
        // Insert-only sides without keys: no upsert key, so the materializer turns the join's changes into upserts by the
        // sink key (a key's second row goes out as +U, Flink's SinkUpsertMaterializer).
        ["left join of insert-only sides into an upsert sink: materialized"] = (Sink("lv STRING NOT NULL, rv STRING", "lv"),
            "INSERT INTO snk SELECT l.v, r.v FROM (SELECT * FROM ev WHERE side = 'L') l LEFT JOIN (SELECT * FROM ev WHERE side = 'R') r ON l.k = r.k",
            ["+I(a,null)", "-D(a,null)", "+I(a,x)", "+U(a,y)", "+I(b,x)", "+U(b,y)", "+I(c,z)"]),
        // An insert-only left side has no upsert key: the join's output has none, the sink asks for -U and materializes.
        ["left join of an insert-only side and an aggregate into an upsert sink: materialized"] =
            (Counts + ";\n" + Sink("v STRING NOT NULL, rc BIGINT", "v"),
            "INSERT INTO snk SELECT e.v, r.c FROM ev e LEFT JOIN rc r ON e.k = r.k WHERE e.side = 'L'",
            ["+I(a,null)", "-D(a,null)", "+I(a,1)", "-D(a,1)", "+I(a,null)", "-D(a,null)", "+I(a,2)", "+I(b,2)", "+I(c,1)"]),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Sink_receives_flinks_changes(string name)
    {
        var (ddl, insert, expected) = Cases[name];
        var raw = await RunAsync(ddl, insert);
        Assert.True(expected.SequenceEqual(raw), $"{name}\n{insert}\n expected: {string.Join(" ", expected)}\n actual:   {string.Join(" ", raw)}");
    }

    public static TheoryData<string, string> FinalStateRuns()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Cases.Keys)
            // Not the processing-time deduplications (DuckDB has no arrival order), nor the join of insert-only sides, whose
            // answer has several rows per sink key (the sink keeps the last).
            if (!Cases[name].Insert.Contains(" pt ", StringComparison.Ordinal) && !name.Contains("insert-only sides", StringComparison.Ordinal))
                foreach (var variant in Variants.Keys) data.Add(name, variant);
        return data;
    }

    /// <summary>Without mini-batch, with it (changes folded per batch), and with it in two phases (local and global
    /// aggregates): the upserts may differ, the table they leave may not.</summary>
    private static readonly Dictionary<string, (string Key, string Value)[]> Variants = new()
    {
        ["default"] = ItceRunner.Variants["default"],
        ["minibatch"] = ItceRunner.Variants["minibatch"],
        ["minibatch, two-phase"] = [.. ItceRunner.Variants["minibatch"], ("table.optimizer.agg-phase-strategy", "TWO_PHASE")],
    };

    /// <summary>The rows the sink's changes leave (upserted by its key, else retracted row by row) are DuckDB's answer to
    /// the query over the same events.</summary>
    [Theory]
    [MemberData(nameof(FinalStateRuns))]
    public async Task Sink_ends_with_the_batch_answer(string name, string variant)
    {
        var (ddl, insert, _) = Cases[name];
        var (env, sink) = Create(Events, EventSource.Replace(", 'row-pause-ms' = '150'", ""), Variants[variant]);
        await using (env)
        {
            foreach (var statement in ddl.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) env.ExecuteSql(statement);
            await env.ExecuteSqlAsync(insert).WaitAsync(TimeSpan.FromSeconds(60));
        }
        using var duck = new Differential.DuckDbOracle();
        duck.Execute("CREATE TABLE ev (side VARCHAR, k INTEGER, v VARCHAR)");
        duck.Execute("INSERT INTO ev VALUES " + string.Join(", ", Events.Select(e => $"('{e.Item2[0]}', {e.Item2[1]}, '{e.Item2[2]}')")));
        foreach (var statement in ddl.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (statement.StartsWith("CREATE TEMPORARY VIEW", StringComparison.Ordinal)) duck.Execute(statement.Replace("TEMPORARY ", ""));
        var expected = duck.Rows(insert[insert.IndexOf("SELECT", StringComparison.Ordinal)..],
            values => string.Join(",", values.Select(v => v is null ? "null" : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
        var actual = sink.Rows("snk").Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.SequenceEqual(actual), $"{name} ({variant})\n expected: {string.Join(" | ", expected)}\n actual:   {string.Join(" | ", actual)}");
    }

    /// <summary>The right side is keyed by (k, v), wider than its join key k (Flink's HasUniqueKey state): a +U replaces the
    /// stored row of its (k, v) only, so the left row's next update meets one row per v.</summary>
    [Fact]
    public async Task Join_side_keyed_wider_than_its_join_key_replaces_by_that_key()
    {
        (RowKind, object?[])[] events = [I("L", 1, "a"), I("R", 1, "x"), I("R", 1, "x"), I("R", 1, "y"), I("R", 1, "y"), I("L", 1, "b")];
        string ddl = "CREATE TEMPORARY VIEW lc AS SELECT k, COUNT(*) AS c FROM ev WHERE side = 'L' GROUP BY k;\n" +
            "CREATE TEMPORARY VIEW rv AS SELECT k, v, COUNT(*) AS c FROM ev WHERE side = 'R' GROUP BY k, v;\n" +
            Sink("k INT NOT NULL, v STRING NOT NULL, lc BIGINT, rc BIGINT", "k, v");
        var raw = await RunAsync(ddl, "INSERT INTO snk SELECT l.k, r.v, l.c, r.c FROM lc l JOIN rv r ON l.k = r.k", EventSource, events);
        Assert.Equal(["+I(1,x,1,1)", "+U(1,x,1,2)", "+I(1,y,1,1)", "+U(1,y,1,2)"], raw.Take(4));
        // The order of a key's stored rows is the state's (Flink's MapState iterates in no defined order either).
        Assert.Equal(["+U(1,x,2,2)", "+U(1,y,2,2)"], raw.Skip(4).Order(StringComparer.Ordinal));
    }

    /// <summary>A source of full changes (Flink's debezium-like <c>I,UB,UA,D</c>) keyed by k.</summary>
    private static readonly (RowKind, object?[])[] Cdc = [I(1, "a"), UB(1, "a"), UA(1, "b"), I(2, "c"), D(1, "b")];

    [Theory]
    [InlineData("k", new[] { "+I(1,a)", "+U(1,b)", "+I(2,c)", "-D(1,b)" })]
    [InlineData(null, new[] { "+I(1,a)", "-U(1,a)", "+U(1,b)", "+I(2,c)", "-D(1,b)" })]
    public async Task Full_changes_reach_an_upsert_sink_keyed_alike_without_update_before(string? primaryKey, string[] expected)
    {
        const string Source = "CREATE TABLE ev (k INT NOT NULL, v STRING, PRIMARY KEY (k) NOT ENFORCED) WITH " +
            "('connector' = 'hunt-values', 'data-id' = '{0}', 'changelog-mode' = 'I,UB,UA,D')";
        var raw = await RunAsync(Sink("k INT NOT NULL, v STRING", primaryKey), "INSERT INTO snk SELECT k, v FROM ev", Source, Cdc);
        Assert.Equal(expected, raw);
    }

    [Fact]
    public async Task Explain_shows_no_update_before_through_a_join_into_an_upsert_sink_keyed_by_its_key()
    {
        var (env, _) = Create(Events, EventSource);
        await using (env)
        {
            foreach (var statement in (Counts + ";\n" + Sink("k INT NOT NULL, lc BIGINT, rc BIGINT", "k")).Split(';', StringSplitOptions.TrimEntries))
                env.ExecuteSql(statement);
            string insert = "INSERT INTO snk SELECT l.k, l.c, r.c FROM lc l LEFT JOIN rc r ON l.k = r.k";
            string plan = Assert.IsType<ExplainTextResult>(env.ExecuteSql("EXPLAIN CHANGELOG_MODE " + insert)).Text;
            Assert.DoesNotContain("UB", plan);
            Assert.DoesNotContain("SinkMaterializer", plan);
            Assert.Contains("leftInputSpec=[JoinKeyContainsUniqueKey], rightInputSpec=[JoinKeyContainsUniqueKey], changelogMode=[I,UA,D])", plan);
            Assert.Contains("GroupAggregate(groupBy=[k], select=[k, COUNT(*) AS c], changelogMode=[I,UA])", plan);
            // Into a sink without a key the same join takes and sends -U.
            env.ExecuteSql("CREATE TABLE retracting (k INT, lc BIGINT, rc BIGINT) WITH ('connector' = 'itce-values', 'sink-insert-only' = 'false')");
            plan = Assert.IsType<ExplainTextResult>(env.ExecuteSql("EXPLAIN CHANGELOG_MODE " + insert.Replace("INTO snk", "INTO retracting"))).Text;
            Assert.Contains("rightInputSpec=[JoinKeyContainsUniqueKey], changelogMode=[I,UB,UA,D])", plan);
            Assert.Contains("GroupAggregate(groupBy=[k], select=[k, COUNT(*) AS c], changelogMode=[I,UB,UA])", plan);
            // Flink's JoinInputSideSpec counts only the upsert keys that contain the join keys: none when joined on a count,
            // a wider one when the right side is grouped by (k, v) and joined on k.
            plan = Assert.IsType<ExplainTextResult>(env.ExecuteSql("EXPLAIN INSERT INTO retracting SELECT l.k, l.c, r.c FROM lc l JOIN rc r ON l.c = r.c")).Text;
            Assert.Contains("leftInputSpec=[NoUniqueKey], rightInputSpec=[NoUniqueKey]", plan);
            env.ExecuteSql("CREATE TEMPORARY VIEW rv AS SELECT k, v, COUNT(*) AS c FROM ev WHERE side = 'R' GROUP BY k, v");
            plan = Assert.IsType<ExplainTextResult>(env.ExecuteSql("EXPLAIN SELECT l.k, r.v, r.c FROM lc l JOIN rv r ON l.k = r.k")).Text;
            Assert.Contains("leftInputSpec=[JoinKeyContainsUniqueKey], rightInputSpec=[HasUniqueKey]", plan);
            // A Top-1 row number is keyed by its partition keys, the second row alone is not (Flink's getRankUniqueKeys):
            // into a sink keyed by k the latter is materialized.
            env.ExecuteSql("CREATE TABLE ranked (k INT NOT NULL, v STRING, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'itce-values', 'sink-insert-only' = 'false')");
            string Ranked(int rank) => Assert.IsType<ExplainTextResult>(env.ExecuteSql("EXPLAIN INSERT INTO ranked SELECT k, v FROM " +
                $"(SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn FROM ev) WHERE rn = {rank}")).Text;
            Assert.DoesNotContain("SinkMaterializer", Ranked(1));
            Assert.Contains("SinkMaterializer(pk=[k])", Ranked(2));
        }
    }

    private const string EventSource = "CREATE TABLE ev (side STRING, k INT, v STRING, pt AS PROCTIME()) WITH " +
        "('connector' = 'hunt-values', 'data-id' = '{0}', 'row-pause-ms' = '150')";

    /// <summary>An insert-only table with a primary key is keyed by it (Flink's upsert keys of a scan are its unique keys):
    /// its LEFT JOIN with an aggregate is keyed by the join key, so the upsert sink gets no -U and no materializer. The
    /// events start after a first row that changes nothing, so the dimension row is in the join before them.</summary>
    [Fact]
    public async Task Insert_only_table_with_a_primary_key_keys_its_join()
    {
        var (env, sink) = Create([I("X", 0, "-"), .. Events], EventSource, ("CREATE TABLE dim (k INT NOT NULL, name STRING, PRIMARY KEY (k) NOT ENFORCED) " +
            "WITH ('connector' = 'hunt-values', 'data-id' = '{0}')", [I(1, "one")]));
        await using (env)
        {
            foreach (var statement in (Counts + ";\n" + Sink("k INT NOT NULL, name STRING, rc BIGINT", "k")).Split(';', StringSplitOptions.TrimEntries))
                env.ExecuteSql(statement);
            await env.ExecuteSqlAsync("INSERT INTO snk SELECT d.k, d.name, r.c FROM dim d LEFT JOIN rc r ON d.k = r.k").WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(["+I(1,one,null)", "-D(1,one,null)", "+I(1,one,1)", "+I(1,one,2)"], sink.Raw("snk"));
        }
    }

    private static (StreamSqlEnvironment Env, ItceSinkConnector Sink) Create((RowKind, object?[])[] rows, string sourceDdl,
        params (string Ddl, (RowKind, object?[])[] Rows)[] others) => Create(rows, sourceDdl, ItceRunner.Variants["default"], others);

    private static (StreamSqlEnvironment Env, ItceSinkConnector Sink) Create((RowKind, object?[])[] rows, string sourceDdl,
        (string Key, string Value)[] settings, params (string Ddl, (RowKind, object?[])[] Rows)[] others)
    {
        var source = new RestoreValuesConnector();
        var sink = new ItceSinkConnector();
        var env = ItceRunner.CreateEnvironment(source, sink, settings);
        string id = Guid.NewGuid().ToString("N");
        source.Data[id] = rows;
        env.ExecuteSql(string.Format(System.Globalization.CultureInfo.InvariantCulture, sourceDdl, id));
        foreach (var (ddl, otherRows) in others)
        {
            string otherId = Guid.NewGuid().ToString("N");
            source.Data[otherId] = otherRows;
            env.ExecuteSql(string.Format(System.Globalization.CultureInfo.InvariantCulture, ddl, otherId));
        }
        return (env, sink);
    }

    private static async Task<IReadOnlyList<string>> RunAsync(string ddl, string insert, string sourceDdl = EventSource, (RowKind, object?[])[]? rows = null)
    {
        var (env, sink) = Create(rows ?? Events, sourceDdl);
        await using var _ = env;
        foreach (var statement in ddl.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) env.ExecuteSql(statement);
        await env.ExecuteSqlAsync(insert).WaitAsync(TimeSpan.FromSeconds(60));
        return sink.Raw("snk");
    }
}
