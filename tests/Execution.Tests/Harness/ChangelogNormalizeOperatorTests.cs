using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators.Changelog;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// ChangelogNormalize (<see cref="ChangelogNormalizeOperator"/>) keyed by k over (k, v) upserts, through the operator test
/// harness: the exact changelog for each kind of input row, and random upserts, duplicates and deletes by key across
/// checkpoints restored at other parallelisms and on the other backend, against a model (the last v per key).
/// </summary>
public sealed class ChangelogNormalizeOperatorTests
{
    private static ChangelogNormalizeOperator Create(bool updateBefore = true, TimeSpan ttl = default) =>
        new(new ChangelogNormalizeSpec([0], updateBefore, ttl, "ChangelogNormalize(key=[k])", GroupAggregates.KeyValue), GroupAggregates.KeyValue);

    [Fact]
    public async Task Upserts_become_a_full_changelog()
    {
        await using var h = await OperatorTestHarness.OpenAsync(Create(), HarnessBackend.HashMap);
        await h.ProcessBatchAsync(TestBatches.KeyValues([
            (1, 10, RowKind.Insert),
            (1, 11, RowKind.UpdateAfter),
            (1, 11, RowKind.UpdateAfter),  // a duplicate of the stored row: nothing
            (2, 20, RowKind.UpdateAfter),  // +U of an unknown key: +I
            (1, null, RowKind.Delete),     // a delete by key only: -D with the stored row
            (3, null, RowKind.Delete),     // a delete of an unknown key: nothing
            (1, 12, RowKind.Insert),
        ]));
        Assert.Equal(["+I[1, 10]", "-U[1, 10]", "+U[1, 11]", "+I[2, 20]", "-D[1, 11]", "+I[1, 12]"], h.OutputRows);
        h.ClearOutput();
        // -U is a delete as well (Flink: there may be no +U after it); the +U after it inserts again.
        await h.ProcessBatchAsync(TestBatches.KeyValues([(2, 20, RowKind.UpdateBefore), (2, 21, RowKind.UpdateAfter)]));
        Assert.Equal(["-D[2, 20]", "+I[2, 21]"], h.OutputRows);
        Assert.Equal(2, ((ChangelogNormalizeOperator)h.Operator).Table.Count);
    }

    [Fact]
    public async Task Without_update_before_an_update_is_one_plus_u()
    {
        await using var h = await OperatorTestHarness.OpenAsync(Create(updateBefore: false), HarnessBackend.HashMap);
        await h.ProcessBatchAsync(TestBatches.KeyValues([(1, 10, RowKind.Insert), (1, 11, RowKind.Insert), (1, null, RowKind.Delete)]));
        Assert.Equal(["+I[1, 10]", "+U[1, 11]", "-D[1, 11]"], h.OutputRows);
    }

    [Fact]
    public async Task State_ttl_forgets_keys_not_written_for_that_long_and_emits_repeats()
    {
        var clock = new ManualClock();
        var op = Create(ttl: TimeSpan.FromSeconds(10));
        await using var h = await OperatorTestHarness.OpenAsync(op, HarnessBackend.HashMap, clock: clock);
        await h.ProcessBatchAsync(TestBatches.KeyValues([(1, 10, RowKind.Insert), (2, 20, RowKind.Insert), (3, 30, RowKind.Insert)]));
        Assert.Equal(["+I[1, 10]", "+I[2, 20]", "+I[3, 30]"], h.OutputRows);
        h.ClearOutput();
        clock.Micros += 6_000_000;
        // With a TTL a repeat of the stored row is an update (downstream state is refreshed) and rewrites the key.
        await h.ProcessBatchAsync(TestBatches.KeyValues([(1, 10, RowKind.UpdateAfter)]));
        Assert.Equal(["-U[1, 10]", "+U[1, 10]"], h.OutputRows);
        h.ClearOutput();
        clock.Micros += 6_000_000;
        // Keys 2 and 3 were last written 12 s ago: 2 comes again as a new key, the delete of 3 finds nothing; key 1 (6 s) lives on.
        await h.ProcessBatchAsync(TestBatches.KeyValues([(2, 21, RowKind.UpdateAfter), (3, null, RowKind.Delete), (1, 11, RowKind.UpdateAfter)]));
        Assert.Equal(["+I[2, 21]", "-U[1, 10]", "+U[1, 11]"], h.OutputRows);
        Assert.Equal(2, op.Table.Count);
        clock.Micros += 11_000_000;
        // A checkpoint drops the keys that expired since.
        await h.SnapshotAsync(1);
        Assert.Equal(0, op.Table.Count);
    }

    [Theory]
    [InlineData("hashmap", "rocksdb")]
    [InlineData("rocksdb", "hashmap")]
    public async Task State_ttl_write_times_survive_a_restore_at_another_parallelism(string first, string second)
    {
        var clock = new ManualClock();
        var checkpoints = new HarnessCheckpoints();
        var ttl = TimeSpan.FromSeconds(10);
        var one = await OperatorTestHarness.OpenAsync(Create(ttl: ttl), GroupAggregateRescaleTests.Backend(first), clock: clock);
        await one.ProcessBatchAsync(TestBatches.KeyValues([(1, 10, RowKind.Insert), (2, 20, RowKind.Insert)]));
        clock.Micros += 8_000_000;
        await one.ProcessBatchAsync(TestBatches.KeyValues([(2, 21, RowKind.UpdateAfter)]));
        var chk = await checkpoints.SnapshotAsync(1, [one]);
        await one.DisposeAsync();

        clock.Micros += 4_000_000;
        // Key 1 was written 12 s ago (expired: a new key again), key 2 4 s ago (updated).
        var output = new List<string>();
        for (int s = 0; s < 2; s++)
        {
            await using var h = await OperatorTestHarness.OpenAsync(Create(ttl: ttl), GroupAggregateRescaleTests.Backend(second), s, 2, restoreFrom: chk, clock: clock);
            var part = TestBatches.Partition(TestBatches.KeyValues([(1, 12, RowKind.UpdateAfter), (2, 22, RowKind.UpdateAfter)]), 2)[s];
            if (part.Length > 0) await h.ProcessBatchAsync(part);
            output.AddRange(h.OutputRows);
        }
        output.Sort(StringComparer.Ordinal);
        Assert.Equal(["+I[1, 12]", "+U[2, 22]", "-U[2, 21]"], output);
    }

    [Fact]
    public async Task State_ttl_removes_expired_keys_held_only_in_rocksdb()
    {
        var clock = new ManualClock();
        var checkpoints = new HarnessCheckpoints();
        var ttl = TimeSpan.FromSeconds(10);
        // A cache of 8 groups: nearly all of the 200 keys live only in RocksDB.
        await using var h = await OperatorTestHarness.OpenAsync(Create(ttl: ttl), HarnessBackend.RocksDb with { GroupCacheSize = 8 }, clock: clock);
        for (int k = 0; k < 200; k += 20)
            await h.ProcessBatchAsync(TestBatches.KeyValues(Enumerable.Range(k, 20).Select(i => ((long?)i, (long?)i, RowKind.Insert)).ToList()));
        clock.Micros += 11_000_000;
        await h.ProcessBatchAsync(TestBatches.KeyValues([(500, 5, RowKind.Insert)]));
        HarnessCheckpoint? last = null;
        // Each checkpoint sweeps an eighth of the key groups.
        for (int c = 1; c <= 8; c++) last = await checkpoints.SnapshotAsync(c, [h]);

        var restored = Create(ttl: ttl);
        await using var r = await OperatorTestHarness.OpenAsync(restored, HarnessBackend.HashMap, restoreFrom: last, clock: clock);
        await r.ProcessBatchAsync(TestBatches.KeyValues([(500, 6, RowKind.UpdateAfter)]));
        Assert.Equal(["-U[500, 5]", "+U[500, 6]"], r.OutputRows);
        // Only key 500, written after the others expired, is left in the checkpoint.
        Assert.Equal(1, restored.Table.Count);
    }

    [Theory]
    [InlineData("hashmap", "hashmap", "hashmap")]
    [InlineData("rocksdb", "rocksdb", "rocksdb")]
    [InlineData("hashmap", "rocksdb", "hashmap")]
    [InlineData("rocksdb-small-cache", "hashmap", "rocksdb-incremental")]
    public async Task Last_rows_survive_restore_at_other_parallelisms(string first, string second, string third)
    {
        var model = new Dictionary<long, long?>();
        var checkpoints = new HarnessCheckpoints();
        var random = new Random(5);

        var phase1 = await OpenAll(first, 1, null);
        for (int b = 0; b < 3; b++) await Feed(phase1, model, NextBatch(random, model, 300, keys: 150));
        var chk1 = await checkpoints.SnapshotAsync(1, phase1);
        await DisposeAll(phase1);

        var phase2 = await OpenAll(second, 3, chk1);
        for (int b = 0; b < 3; b++) await Feed(phase2, model, NextBatch(random, model, 300, keys: 200));
        var chk2 = await checkpoints.SnapshotAsync(2, phase2, savepoint: true);
        await DisposeAll(phase2);

        var phase3 = await OpenAll(third, 2, chk2);
        for (int b = 0; b < 3; b++) await Feed(phase3, model, NextBatch(random, model, 300, keys: 200));
        // Deleting every key by key alone brings back each full row as -D, and leaves no state.
        await Feed(phase3, model, TestBatches.KeyValues(model.Keys.Select(k => ((long?)k, (long?)null, RowKind.Delete)).ToList()));
        Assert.Empty(model);
        foreach (var h in phase3) Assert.Equal(0, ((ChangelogNormalizeOperator)h.Operator).Table.Count);
        await DisposeAll(phase3);
    }

    private static async Task<OperatorTestHarness[]> OpenAll(string backend, int parallelism, HarnessCheckpoint? restoreFrom)
    {
        var harnesses = new OperatorTestHarness[parallelism];
        for (int s = 0; s < parallelism; s++)
            harnesses[s] = await OperatorTestHarness.OpenAsync(Create(), GroupAggregateRescaleTests.Backend(backend), s, parallelism, restoreFrom: restoreFrom);
        return harnesses;
    }

    private static async Task DisposeAll(IEnumerable<OperatorTestHarness> harnesses)
    {
        foreach (var h in harnesses) await h.DisposeAsync();
    }

    /// <summary>Feeds a batch through the exchange split and asserts each key's changes are the model's, in order.</summary>
    private static async Task Feed(OperatorTestHarness[] harnesses, Dictionary<long, long?> model, Batch batch)
    {
        var parts = TestBatches.Partition(batch, harnesses.Length);
        var actual = new List<string>();
        for (int s = 0; s < harnesses.Length; s++)
        {
            harnesses[s].ClearOutput();
            if (parts[s].Length > 0) await harnesses[s].ProcessBatchAsync(parts[s]);
            actual.AddRange(harnesses[s].OutputRows);
        }
        var expected = new List<string>();
        var keys = (Apache.Arrow.Int64Array)batch.Column(0);
        var values = (Apache.Arrow.Int64Array)batch.Column(1);
        for (int i = 0; i < batch.Length; i++)
        {
            long k = keys.GetValue(i)!.Value;
            long? v = values.GetValue(i);
            bool known = model.TryGetValue(k, out var old);
            if (batch.KindAt(i).IsRetraction())
            {
                if (!known) continue;
                expected.Add($"-D[{k}, {Text(old)}]");
                model.Remove(k);
                continue;
            }
            if (!known) expected.Add($"+I[{k}, {Text(v)}]");
            else if (old != v)
            {
                expected.Add($"-U[{k}, {Text(old)}]");
                expected.Add($"+U[{k}, {Text(v)}]");
            }
            model[k] = v;
        }
        // Per key the order is exact; keys of different subtasks interleave freely.
        Assert.Equal(ByKey(expected), ByKey(actual));
    }

    private static string Text(long? v) => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null";

    private static SortedDictionary<string, string> ByKey(List<string> rows)
    {
        var byKey = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            string key = row[3..row.IndexOf(',')];
            byKey[key] = byKey.TryGetValue(key, out var seen) ? seen + " " + row : row;
        }
        return byKey;
    }

    /// <summary>Upserts (+I or +U, some repeating the stored row), and deletes by key (value NULL), some of unknown keys.</summary>
    private static Batch NextBatch(Random random, Dictionary<long, long?> model, int rows, int keys)
    {
        var list = new List<(long?, long?, RowKind)>();
        for (int i = 0; i < rows; i++)
        {
            long key = random.Next(keys);
            int pick = random.Next(10);
            if (pick < 2) list.Add((key, null, RowKind.Delete));
            else if (pick < 4 && model.TryGetValue(key, out var same)) list.Add((key, same, RowKind.UpdateAfter));
            else list.Add((key, random.Next(8) == 0 ? null : random.Next(-50, 50), random.Next(2) == 0 ? RowKind.Insert : RowKind.UpdateAfter));
        }
        return TestBatches.KeyValues(list);
    }
}
