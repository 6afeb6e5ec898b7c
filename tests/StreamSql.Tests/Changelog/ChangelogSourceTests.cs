using System.Globalization;
using System.Text;
using StreamSql.Execution.Batches;
using StreamSql.Tests.Differential;

namespace StreamSql.Tests.Changelog;

/// <summary>
/// Sources that emit row kinds, end to end: a random changelog of keyed rows (inserts, updates, deletes; for upsert
/// sources also repeated rows and deletes that carry only the key) read by GROUP BY, window aggregations, non-time OVER
/// and a plain SELECT, each query's materialized result compared with DuckDB's answer over the rows the changelog leaves behind.
/// </summary>
public sealed class ChangelogSourceTests
{
    private const long Hour = 3_600_000_000L;
    private static readonly long Start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;

    private static readonly (string Engine, string DuckDb)[] Queries =
    [
        ("SELECT id, k, v, s, ts FROM t", "SELECT id, k, v, s, ts FROM t"),
        ("SELECT k, COUNT(*) AS c, SUM(v) AS sv, MIN(v) AS mn, MAX(v) AS mx FROM t GROUP BY k",
            "SELECT k, COUNT(*), SUM(v), MIN(v), MAX(v) FROM t GROUP BY k"),
        ("SELECT s, COUNT(DISTINCT k) AS dk, MAX(s) AS ms FROM t GROUP BY s", "SELECT s, COUNT(DISTINCT k), MAX(s) FROM t GROUP BY s"),
        ("SELECT COUNT(*) AS c, SUM(v) AS sv FROM t", "SELECT COUNT(*), SUM(v) FROM t"),
        ("SELECT v, COUNT(*) AS c FROM t WHERE v > 0 GROUP BY v", "SELECT v, COUNT(*) FROM t WHERE v > 0 GROUP BY v"),
        ("SELECT k, TUMBLE_START(ts, INTERVAL '1' HOUR) AS ws, COUNT(*) AS c, SUM(v) AS sv FROM t GROUP BY k, TUMBLE(ts, INTERVAL '1' HOUR)",
            "SELECT k, time_bucket(INTERVAL 1 HOUR, ts), COUNT(*), SUM(v) FROM t GROUP BY k, time_bucket(INTERVAL 1 HOUR, ts)"),
        ("SELECT window_start, k, COUNT(*) AS c, MAX(v) AS mx FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' HOUR)) GROUP BY window_start, window_end, k",
            "SELECT time_bucket(INTERVAL 1 HOUR, ts), k, COUNT(*), MAX(v) FROM t GROUP BY time_bucket(INTERVAL 1 HOUR, ts), k"),
        // LIMIT over the changelog (Flink's retract-strategy limit): past the number of live rows it ends with all of
        // them; with an offset, with as many as DuckDB skips and takes.
        ("SELECT id, k, v, s, ts FROM (SELECT * FROM t LIMIT 100)", "SELECT id, k, v, s, ts FROM t"),
        ("SELECT COUNT(*) AS c FROM (SELECT id FROM t LIMIT 10 OFFSET 5)", "SELECT COUNT(*) FROM (SELECT id FROM t LIMIT 10 OFFSET 5)"),
        // OVER ordered by a non-time column (Flink 2.1) takes the changelog: a -U/-D removes the row it names.
        ("SELECT id, k, v, SUM(v) OVER (PARTITION BY k ORDER BY id) AS rs, COUNT(*) OVER (PARTITION BY k ORDER BY id) AS rc FROM t",
            "SELECT id, k, v, SUM(v) OVER w, COUNT(*) OVER w FROM t WINDOW w AS (PARTITION BY k ORDER BY id)"),
        ("SELECT id, v, MAX(id) OVER (ORDER BY v) AS m FROM t", "SELECT id, v, MAX(id) OVER (ORDER BY v NULLS FIRST) FROM t"),
    ];

    /// <summary>With <c>table.exec.state.ttl</c> ChangelogNormalize passes a repeat of a key's stored row on as an update
    /// (as Flink's does, so downstream state with the same TTL is refreshed instead of expiring under a live key); the
    /// aggregation, under the TTL too, emits its unchanged result again.</summary>
    [Fact]
    public async Task With_a_state_ttl_a_repeated_upsert_refreshes_downstream_state()
    {
        var connector = new ChangelogTestConnector();
        connector.Sources["changes"] =
        [
            (RowKind.Insert, [1L, 7L, 10L, "a", Start]),
            (RowKind.UpdateAfter, [2L, 7L, 5L, "b", Start]),
            (RowKind.UpdateAfter, [1L, 7L, 12L, "a", Start]),
            (RowKind.UpdateAfter, [1L, 7L, 12L, "a", Start]),
            (RowKind.Delete, [2L, null, null, null, null]),
        ];
        await using var engine = Create(connector, 1, 1);
        engine.ExecuteSql("SET 'table.exec.state.ttl' = '1 h'");
        engine.ExecuteSql(Ddl("upsert"));
        await using var result = await engine.QueryAsync("SELECT k, SUM(v) AS sv FROM t GROUP BY k");
        var rows = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60));
        // ChangelogNormalize turns each upsert of id 1 into -U old / +U new, which the aggregation applies one by one (as
        // Flink's GroupAggFunction): the sum passes through 5 while id 1 is out.
        Assert.Equal(["+I[7, 10]", "-U[7, 10]", "+U[7, 15]", "-U[7, 15]", "+U[7, 5]", "-U[7, 5]", "+U[7, 17]", "-U[7, 17]", "+U[7, 5]", "-U[7, 5]", "+U[7, 17]",
                "-U[7, 17]", "+U[7, 12]"],
            rows.Select(r => $"{r.Kind.ShortString()}[{string.Join(", ", r.Values)}]"));
    }

    [Theory]
    [InlineData("all", 1, 4096, 1)]
    [InlineData("all", 2, 7, 2)]
    [InlineData("upsert", 1, 4096, 3)]
    [InlineData("upsert", 2, 7, 4)]
    public async Task Queries_over_a_changelog_source_agree_with_duckdb(string mode, int parallelism, int batchRows, int seed)
    {
        var (changes, final) = RandomChangelog(new Random(seed), operations: 600, keys: 60, upsert: mode == "upsert");
        var connector = new ChangelogTestConnector();
        connector.Sources["changes"] = changes;
        await using var engine = Create(connector, parallelism, batchRows);
        engine.ExecuteSql(Ddl(mode));
        using var oracle = new DuckDbOracle();
        oracle.Execute("CREATE TABLE t (id BIGINT, k BIGINT, v BIGINT, s VARCHAR, ts TIMESTAMP)");
        if (final.Count > 0) oracle.Execute("INSERT INTO t VALUES " + string.Join(", ", final.Select(DuckDbRow)));

        var findings = new StringBuilder();
        int nonEmpty = 0;
        foreach (var (engineSql, duckSql) in Queries)
        {
            var expected = oracle.Rows(duckSql);
            var actual = await Materialize(engine, engineSql);
            if (expected.Count > 0) nonEmpty++;
            if (!expected.SequenceEqual(actual))
                findings.Append(CultureInfo.InvariantCulture,
                    $"{engineSql}\n  expected ({expected.Count}): {string.Join("; ", expected.Take(8))}\n  actual ({actual.Count}): {string.Join("; ", actual.Take(8))}\n");
        }
        Assert.True(findings.Length == 0, findings.ToString());
        Assert.Equal(Queries.Length, nonEmpty);
    }

    [Fact]
    public async Task An_upsert_source_is_normalized_by_its_primary_key()
    {
        var connector = new ChangelogTestConnector();
        await using var engine = Create(connector, 2, 100);
        engine.ExecuteSql(Ddl("upsert"));
        var plan = Assert.IsType<ExplainTextResult>(engine.ExecuteSql("EXPLAIN CHANGELOG_MODE SELECT k, SUM(v) FROM t GROUP BY k"));
        string text = plan.Text;
        Assert.Contains("ChangelogNormalize(key=[id], changelogMode=[I,UB,UA,D])", text);
        Assert.Contains("changelogMode=[I,UA,D]", text);
        Assert.Contains("Exchange(distribution=[hash[id]]", text);
    }

    [Fact]
    public async Task A_delete_by_key_retracts_the_full_row()
    {
        var connector = new ChangelogTestConnector();
        connector.Sources["changes"] =
        [
            (RowKind.Insert, [1L, 7L, 10L, "a", Start]),
            (RowKind.UpdateAfter, [2L, 7L, 5L, "b", Start]),
            (RowKind.UpdateAfter, [1L, 7L, 12L, "a", Start]),
            (RowKind.UpdateAfter, [1L, 7L, 12L, "a", Start]),
            (RowKind.Delete, [2L, null, null, null, null]),
        ];
        await using var engine = Create(connector, 1, 1);
        engine.ExecuteSql(Ddl("upsert"));
        await using var result = await engine.QueryAsync("SELECT k, SUM(v) AS sv FROM t GROUP BY k");
        var rows = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60));
        // The update of id 1 arrives as -U old / +U new, applied one by one (the sum passes through 5), as Flink's.
        Assert.Equal(["+I[7, 10]", "-U[7, 10]", "+U[7, 15]", "-U[7, 15]", "+U[7, 5]", "-U[7, 5]", "+U[7, 17]", "-U[7, 17]", "+U[7, 12]"],
            rows.Select(r => $"{r.Kind.ShortString()}[{string.Join(", ", r.Values)}]"));
    }

    [Theory]
    [InlineData(true, 12L)]
    // Without the normalize the repeated events count twice: 10 + 10 - 10 + 12 - 10 + 12.
    [InlineData(false, 24L)]
    public async Task Repeated_cdc_events_are_dropped_with_cdc_events_duplicate(bool duplicates, long total)
    {
        var connector = new ChangelogTestConnector();
        object?[] before = [1L, 7L, 10L, "a", Start], after = [1L, 7L, 12L, "a", Start];
        connector.Sources["changes"] =
        [
            (RowKind.Insert, before), (RowKind.Insert, before), (RowKind.UpdateBefore, before), (RowKind.UpdateAfter, after),
            (RowKind.UpdateBefore, before), (RowKind.UpdateAfter, after),
        ];
        await using var engine = Create(connector, 1, 1);
        engine.ExecuteSql($"SET 'table.exec.source.cdc-events-duplicate' = '{(duplicates ? "true" : "false")}'");
        engine.ExecuteSql(Ddl("all"));
        var plan = Assert.IsType<ExplainTextResult>(engine.ExecuteSql("EXPLAIN SELECT k, SUM(v) FROM t GROUP BY k"));
        Assert.Equal(duplicates, plan.Text.Contains("ChangelogNormalize(key=[id])", StringComparison.Ordinal));
        // Flink's StreamPhysicalDropUpdateBefore: the ChangelogNormalize asks its input for +U only.
        Assert.True(duplicates == System.Text.RegularExpressions.Regex.IsMatch(plan.Text,
            @"ChangelogNormalize\(key=\[id\]\)\s*\n\s*\+- Exchange\(distribution=\[hash\[id\]\]\)\s*\n\s*\+- DropUpdateBefore\s*\n\s*\+- (WatermarkAssigner|TableSourceScan)"), plan.Text);
        var rows = await Materialize(engine, "SELECT k, SUM(v) AS sv FROM t GROUP BY k");
        Assert.Equal([$"7 | {total}"], rows);
    }

    private static StreamSqlEnvironment Create(ChangelogTestConnector connector, int parallelism, int batchRows)
    {
        var options = new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) };
        options.Connectors.Add(connector);
        options.Settings["table.local-time-zone"] = "UTC";
        options.Settings["parallelism.default"] = parallelism.ToString(CultureInfo.InvariantCulture);
        options.Settings["execution.batch.max-rows"] = batchRows.ToString(CultureInfo.InvariantCulture);
        return StreamSqlEnvironment.Create(options);
    }

    private static string Ddl(string mode) =>
        "CREATE TABLE t (id BIGINT, k BIGINT, v BIGINT, s STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' DAY, "
        + $"PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'test-changelog', 'source' = 'changes', 'changelog-mode' = '{mode}')";

    private static async Task<List<string>> Materialize(StreamSqlEnvironment engine, string sql)
    {
        await using var result = await engine.QueryAsync(sql);
        var table = await result.MaterializeAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var rows = table.Rows.Select(r => CanonicalValue.Row(r.Values)).ToList();
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>
    /// A changelog over ids [0, keys) and the rows it leaves. Full-row mode: +I, -U/+U pairs, -D of the stored row.
    /// Upsert mode: +I or +U for new and changed rows, repeats of the stored row, -D with only the key set.
    /// </summary>
    private static (List<(RowKind, object?[])> Changes, List<object?[]> Final) RandomChangelog(Random random, int operations, int keys, bool upsert)
    {
        var current = new SortedDictionary<long, object?[]>();
        var changes = new List<(RowKind, object?[])>();
        string?[] words = ["a", "b", "xy", "", null];
        object?[] NewRow(long id) =>
        [
            id,
            random.Next(10) == 0 ? null : (long)random.Next(8),
            random.Next(10) == 0 ? null : (long)random.Next(-20, 100),
            words[random.Next(words.Length)],
            Start + random.Next(0, 6 * 3600) * 1_000_000L,
        ];
        for (int i = 0; i < operations; i++)
        {
            long id = random.Next(keys);
            int pick = random.Next(20);
            if (!current.TryGetValue(id, out var old))
            {
                if (upsert && pick < 3)
                {
                    changes.Add((RowKind.Delete, [id, null, null, null, null]));
                    continue;
                }
                var row = NewRow(id);
                changes.Add((upsert && pick % 2 == 0 ? RowKind.UpdateAfter : RowKind.Insert, row));
                current[id] = row;
            }
            else if (pick < 5)
            {
                changes.Add(upsert ? (RowKind.Delete, [id, null, null, null, null]) : (RowKind.Delete, old));
                current.Remove(id);
            }
            else if (upsert && pick < 8)
            {
                changes.Add((RowKind.UpdateAfter, (object?[])old.Clone()));
            }
            else
            {
                var row = NewRow(id);
                if (!upsert) changes.Add((RowKind.UpdateBefore, old));
                changes.Add((upsert && pick % 3 == 0 ? RowKind.Insert : RowKind.UpdateAfter, row));
                current[id] = row;
            }
        }
        return (changes, current.Values.ToList());
    }

    private static string DuckDbRow(object?[] row)
    {
        static string Value(object? v) => v switch
        {
            null => "NULL",
            string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
            long l => l.ToString(CultureInfo.InvariantCulture),
            _ => throw new ArgumentException("unexpected value"),
        };
        long micros = (long)row[4]!;
        string ts = "TIMESTAMP '" + DateTimeOffset.FromUnixTimeMilliseconds(micros / 1000).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) + "'";
        return $"({Value(row[0])}, {Value(row[1])}, {Value(row[2])}, {Value(row[3])}, {ts})";
    }
}
