using StreamSql.Postgres.Tests.Fixture;

namespace StreamSql.Postgres.Tests;

/// <summary>More stateful operators into upsert tables across crashes: an event-time keep-first deduplication, COUNT
/// DISTINCT and LISTAGG; a mini-batch two-phase GROUP BY and a LEFT join whose padded rows are retracted when their
/// partner arrives. Each table must end as the batch answer of the same query over the same rows.</summary>
public sealed partial class JdbcKillTests
{
    private const int StatefulRows = 12_000, StatefulKeys = 97;

    private static IEnumerable<IGrouping<long, long>> StatefulGroups() =>
        Enumerable.Range(1, StatefulRows).Select(i => (long)i).GroupBy(i => i % StatefulKeys).OrderBy(g => g.Key);

    /// <summary>One statement set, killed three times and restored at parallelism 2, 2 and then 1: the row of
    /// each key with the smallest rowtime (rowtimes out of order, so a later row replaces the kept one: Flink's rowtime
    /// keep-first updates), and per key COUNT(*), COUNT(DISTINCT id % 30) and LISTAGG of the ids (each id exactly once,
    /// in whatever order the subtasks delivered them).</summary>
    [SkippableTheory]
    [InlineData("rocksdb")]
    [InlineData("hashmap")]
    public async Task Keep_first_deduplication_count_distinct_and_listagg_into_upsert_tables_killed_at_random_end_equal_to_the_batch_result(string backend)
    {
        _db = await PostgresServer.Require().CreateDatabaseAsync("killdistinct");
        await Pg.ExecuteAsync(_db, "CREATE TABLE firsts (k integer PRIMARY KEY, id bigint NOT NULL)");
        await Pg.ExecuteAsync(_db, "CREATE TABLE distincts (k integer PRIMARY KEY, n bigint NOT NULL, nd bigint NOT NULL, ids text NOT NULL)");
        void Job(int parallelism) => Script(StatefulRows, parallelism,
            $"CREATE TABLE firsts (k INT, id BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ({Jdbc("firsts", ", 'sink.buffer-flush.max-rows' = '50'")});\n"
            + $"CREATE TABLE distincts (k INT, n BIGINT, nd BIGINT, ids STRING, PRIMARY KEY (k) NOT ENFORCED) WITH ({Jdbc("distincts", ", 'sink.buffer-flush.max-rows' = '50'")});\n"
            + "EXECUTE STATEMENT SET BEGIN",
            "INSERT INTO firsts SELECT k, id FROM (SELECT CAST(id % 97 AS INT) AS k, id, ROW_NUMBER() OVER (PARTITION BY CAST(id % 97 AS INT) ORDER BY ts ASC) AS rn "
            + "FROM src) WHERE rn = 1;\n"
            + "INSERT INTO distincts SELECT CAST(id % 97 AS INT), COUNT(*), COUNT(DISTINCT MOD(id, 30)), LISTAGG(CAST(id AS STRING)) FROM src GROUP BY CAST(id % 97 AS INT);\n"
            + "END;",
            ", ts AS TO_TIMESTAMP_LTZ(id * 7919 % 12007 * 1000, 3), WATERMARK FOR ts AS ts - INTERVAL '4' HOUR",
            $"SET 'state.backend.type' = '{backend}';");
        Job(2);
        await RunAsync(1, fault: null);
        await RunAsync(2, fault: null);
        await RunAsync(3, fault: null);
        Job(1);
        await FinishAsync();

        var expectedFirsts = StatefulGroups().Select(g => $"{g.Key}|{g.MinBy(i => i * 7919 % 12007)}").ToList();
        await AssertTableAsync("firsts", "k, id", "k", expectedFirsts);
        var expected = StatefulGroups().Select(g => $"{g.Key}|{g.Count()}|{g.Select(i => i % 30).Distinct().Count()}|{string.Join(',', g.Order())}").ToList();
        // LISTAGG concatenates in arrival order, which the subtasks' interleaving decides: compare the ids sorted.
        var actual = (await Pg.TextRowsAsync(_db, "distincts", "k, n, nd, ids", "k")).Select(row =>
        {
            var cells = row.Split('|');
            return $"{cells[0]}|{cells[1]}|{cells[2]}|{string.Join(',', cells[3].Split(',').Select(long.Parse).Order())}";
        }).ToList();
        AssertRows("distincts", expected, actual);
        _workspace.Passed = true;
    }

    /// <summary>One statement set with mini-batch on and the two-phase (local/global) aggregation: a GROUP BY with COUNT,
    /// SUM, MAX and MIN (a local aggregate before the shuffle, a global one after it), and a LEFT join of the ids with a slower source of their halves (each left row
    /// first comes padded with NULL, then is retracted for its joined row when the right row arrives; odd ids stay padded).
    /// Killed at random, stopped with <c>STOP JOB ... WITH SAVEPOINT</c> and resumed by <c>SET 'execution.savepoint.path'</c>,
    /// killed again, at parallelism 1, then 2.</summary>
    [SkippableTheory]
    [InlineData("hashmap")]
    [InlineData("rocksdb")]
    public async Task Mini_batch_two_phase_group_by_and_a_retracting_left_join_into_upsert_tables_killed_and_stopped_with_a_savepoint_end_equal_to_the_batch_result(string backend)
    {
        _db = await PostgresServer.Require().CreateDatabaseAsync("killminibatch");
        await Pg.ExecuteAsync(_db, "CREATE TABLE agg (k integer PRIMARY KEY, n bigint NOT NULL, total bigint NOT NULL, mx bigint NOT NULL, mn bigint NOT NULL)");
        await Pg.ExecuteAsync(_db, "CREATE TABLE joined (id bigint PRIMARY KEY, other bigint)");
        void Job(int parallelism) => Script(StatefulRows, parallelism,
            "CREATE TABLE halves (h BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '600', 'fields.h.kind' = 'sequence', "
            + $"'fields.h.start' = '1', 'fields.h.end' = '{StatefulRows / 2}');\n"
            + $"CREATE TABLE agg (k INT, n BIGINT, total BIGINT, mx BIGINT, mn BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ({Jdbc("agg", ", 'sink.buffer-flush.max-rows' = '50'")});\n"
            + $"CREATE TABLE joined (id BIGINT, other BIGINT, PRIMARY KEY (id) NOT ENFORCED) WITH ({Jdbc("joined", ", 'sink.buffer-flush.max-rows' = '50'")});\n"
            + "EXECUTE STATEMENT SET BEGIN",
            "INSERT INTO agg SELECT CAST(id % 97 AS INT), COUNT(*), SUM(id), MAX(id), MIN(id) FROM src GROUP BY CAST(id % 97 AS INT);\n"
            + "INSERT INTO joined SELECT src.id, halves.h * 10 FROM src LEFT JOIN halves ON src.id = halves.h * 2;\n"
            + "END;",
            settings: $"SET 'state.backend.type' = '{backend}';\nSET 'table.exec.mini-batch.enabled' = 'true';\n"
            + "SET 'table.exec.mini-batch.allow-latency' = '200ms';\nSET 'table.exec.mini-batch.size' = '400';\n"
            + "SET 'table.optimizer.agg-phase-strategy' = 'TWO_PHASE';");
        Job(1);
        await RunAsync(1, fault: null);
        await RunAsync(2, fault: null, stopWithSavepoint: true);
        Job(2);
        await RunAsync(3, fault: null);
        await FinishAsync();

        var expectedAgg = StatefulGroups().Select(g => $"{g.Key}|{g.Count()}|{g.Sum()}|{g.Max()}|{g.Min()}").ToList();
        await AssertTableAsync("agg", "k, n, total, mx, mn", "k", expectedAgg);
        var expectedJoined = Enumerable.Range(1, StatefulRows).Select(i => i % 2 == 0 ? $"{i}|{i / 2 * 10}" : $"{i}|null").ToList();
        await AssertTableAsync("joined", "id, other", "id", expectedJoined);
        _workspace.Passed = true;
    }

    private async Task AssertTableAsync(string table, string columns, string orderBy, List<string> expected) =>
        AssertRows(table, expected, await Pg.TextRowsAsync(_db, table, columns, orderBy));

    private void AssertRows(string table, List<string> expected, List<string> actual)
    {
        _workspace.Log($"{table}: {actual.Count} rows");
        if (!expected.SequenceEqual(actual))
            Fail($"{table} differs from the batch result ({actual.Count} rows, {expected.Count} expected): "
                + string.Join(", ", expected.Except(actual).Take(5)) + " expected, " + string.Join(", ", actual.Except(expected).Take(5)) + " found", null);
    }
}
