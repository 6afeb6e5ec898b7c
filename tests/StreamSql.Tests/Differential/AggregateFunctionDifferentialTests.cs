using StreamSql.Functions;

namespace StreamSql.Tests.Differential;

/// <summary>
/// A user-defined SUM over random rows (NULLs, negatives), grouped over inserts and over an updating input (which it must
/// retract), at parallelism 2, compared with DuckDB's built-in SUM for the same rows.
/// </summary>
public sealed class AggregateFunctionDifferentialTests
{
    [Fact]
    public Task A_user_sum_agrees_with_duckdbs_sum_over_inserts_and_updates() => CheckAsync(("parallelism.default", "2"));

    /// <summary>A RocksDB cache of 8 groups: accumulators are evicted, written out and read back between batches.</summary>
    [Fact]
    public Task A_user_sum_agrees_with_duckdb_when_its_groups_spill_to_rocksdb() =>
        CheckAsync(("parallelism.default", "2"), ("state.backend.type", "rocksdb"), ("state.backend.rocksdb.group-table.cache-size", "8"),
            ("execution.batch.max-rows", "16"));

    private static async Task CheckAsync(params (string Key, string Value)[] settings)
    {
        await using var run = new DifferentialRun(20261206, settings);
        run.AddTable("t", rows: 400);
        run.ExecuteEngine($"CREATE FUNCTION sum_of AS '{typeof(SumOf).FullName}'");
        await run.CheckAsync(new DualSql("SELECT k, sum_of(v) AS s, COUNT(*) AS c FROM t GROUP BY k", "SELECT k, SUM(v) AS s, COUNT(*) AS c FROM t GROUP BY k"));
        await run.CheckAsync(new DualSql("SELECT sum_of(v) FILTER (WHERE b) AS s FROM t", "SELECT SUM(v) FILTER (WHERE b) AS s FROM t"));
        await run.CheckAsync(new DualSql(
            "SELECT s, sum_of(total) AS st FROM (SELECT s, k, sum_of(v) AS total FROM t GROUP BY s, k) GROUP BY s",
            "SELECT s, SUM(total) AS st FROM (SELECT s, k, SUM(v) AS total FROM t GROUP BY s, k) GROUP BY s"));
        await run.CheckAsync(new DualSql(
            "SELECT k, v, sum_of(v) OVER (PARTITION BY k ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS w FROM t WHERE ts IS NOT NULL",
            "SELECT k, v, SUM(v) OVER (PARTITION BY k ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS w FROM t WHERE ts IS NOT NULL"));
        Assert.True(run.Mismatches == 0, run.Report());
    }
}

public sealed class SumAccumulator
{
    public long Sum;
    public long Count;
}

/// <summary>SUM of BIGINT as a user function: NULLs skipped, NULL while no value counts.</summary>
public sealed class SumOf : AggregateFunction<long?, SumAccumulator>
{
    public override SumAccumulator CreateAccumulator() => new();
    public override long? GetValue(SumAccumulator acc) => acc.Count == 0 ? null : acc.Sum;

    public void Accumulate(SumAccumulator acc, long? value)
    {
        if (value is not { } v) return;
        acc.Sum += v;
        acc.Count++;
    }

    public void Retract(SumAccumulator acc, long? value)
    {
        if (value is not { } v) return;
        acc.Sum -= v;
        acc.Count--;
    }
}
