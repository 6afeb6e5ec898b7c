using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators.Changelog;
using StreamSql.Sql.Planner.Physical;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// SinkUpsertMaterializer (<see cref="SinkUpsertMaterializerOperator"/>) keyed by k over (k, v) rows, several live rows per
/// key, through the operator test harness: Flink's changelog for each kind of input row, and random inserts and
/// retractions across checkpoints restored at other parallelisms and on the other backend, against a model (the live rows
/// of each key in arrival order).
/// </summary>
public sealed class SinkUpsertMaterializerOperatorTests
{
    private static SinkUpsertMaterializerOperator Create(TimeSpan ttl = default) =>
        new(new SinkMaterializerSpec([0], ttl, "SinkMaterializer(pk=[k])", GroupAggregates.KeyValue), GroupAggregates.KeyValue);

    [Fact]
    public async Task State_ttl_forgets_the_rows_of_a_key_not_written_for_that_long()
    {
        var clock = new ManualClock();
        var op = Create(ttl: TimeSpan.FromSeconds(10));
        await using var h = await OperatorTestHarness.OpenAsync(op, HarnessBackend.HashMap, clock: clock);
        await h.ProcessBatchAsync(TestBatches.KeyValues([(1, 10, RowKind.Insert), (1, 11, RowKind.Insert), (2, 20, RowKind.Insert), (3, 30, RowKind.Insert)]));
        Assert.Equal(["+I[1, 10]", "+U[1, 11]", "+I[2, 20]", "+I[3, 30]"], h.OutputRows);
        h.ClearOutput();
        clock.Micros += 6_000_000;
        // A retraction is a write too: key 1 keeps 10, written again now.
        await h.ProcessBatchAsync(TestBatches.KeyValues([(1, 11, RowKind.Delete)]));
        Assert.Equal(["+U[1, 10]"], h.OutputRows);
        h.ClearOutput();
        clock.Micros += 6_000_000;
        // Keys 2 and 3 were written 12 s ago: 2's next row is a new key's (+I), the retraction of 3's row finds nothing;
        // key 1 (6 s) still holds 10.
        await h.ProcessBatchAsync(TestBatches.KeyValues([(2, 21, RowKind.Insert), (3, 30, RowKind.Delete), (1, 12, RowKind.Insert), (1, 12, RowKind.Delete)]));
        Assert.Equal(["+I[2, 21]", "+U[1, 12]", "+U[1, 10]"], h.OutputRows);
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
        var one = await OperatorTestHarness.OpenAsync(Create(ttl), GroupAggregateRescaleTests.Backend(first), clock: clock);
        await one.ProcessBatchAsync(TestBatches.KeyValues([(1, 10, RowKind.Insert), (2, 20, RowKind.Insert)]));
        clock.Micros += 8_000_000;
        await one.ProcessBatchAsync(TestBatches.KeyValues([(2, 21, RowKind.Insert)]));
        var chk = await checkpoints.SnapshotAsync(1, [one]);
        await one.DisposeAsync();

        clock.Micros += 4_000_000;
        // Key 1 was written 12 s ago (expired: a new key again), key 2 4 s ago (it still holds 20 and 21).
        var output = new List<string>();
        for (int s = 0; s < 2; s++)
        {
            await using var h = await OperatorTestHarness.OpenAsync(Create(ttl), GroupAggregateRescaleTests.Backend(second), s, 2, restoreFrom: chk, clock: clock);
            var part = TestBatches.Partition(TestBatches.KeyValues([(1, 12, RowKind.Insert), (2, 21, RowKind.Delete)]), 2)[s];
            if (part.Length > 0) await h.ProcessBatchAsync(part);
            output.AddRange(h.OutputRows);
        }
        output.Sort(StringComparer.Ordinal);
        Assert.Equal(["+I[1, 12]", "+U[2, 20]"], output);
    }

    [Fact]
    public async Task A_key_is_upserted_to_its_last_live_row_and_deleted_with_its_last_row()
    {
        await using var h = await OperatorTestHarness.OpenAsync(Create(), HarnessBackend.HashMap);
        await h.ProcessBatchAsync(TestBatches.KeyValues([
            (1, 10, RowKind.Insert),       // first row of the key: +I
            (1, 11, RowKind.UpdateAfter),  // another row: +U
            (1, 12, RowKind.Insert),
            (1, 11, RowKind.UpdateBefore), // not the last row: nothing, the sink keeps 12
            (1, 12, RowKind.Delete),       // the last row: the one before it (10) goes out as +U
            (1, 99, RowKind.Delete),       // a row the key does not hold: dropped
            (1, 10, RowKind.UpdateBefore), // the only row: -D
            (2, 20, RowKind.Insert),
            (2, 20, RowKind.Insert),       // an equal row twice: two entries
            (2, 20, RowKind.Delete),       // removes one, the other (equal) is now last: +U
        ]));
        Assert.Equal(["+I[1, 10]", "+U[1, 11]", "+U[1, 12]", "+U[1, 10]", "-D[1, 10]", "+I[2, 20]", "+U[2, 20]", "+U[2, 20]"], h.OutputRows);
        Assert.Equal(1, ((SinkUpsertMaterializerOperator)h.Operator).Table.Count);
        h.ClearOutput();
        await h.ProcessBatchAsync(TestBatches.KeyValues([(2, 20, RowKind.Delete), (2, null, RowKind.Insert), (2, null, RowKind.Delete)]));
        Assert.Equal(["-D[2, 20]", "+I[2, null]", "-D[2, null]"], h.OutputRows);
        Assert.Equal(0, ((SinkUpsertMaterializerOperator)h.Operator).Table.Count);
    }

    [Theory]
    [InlineData("hashmap", "hashmap", "hashmap")]
    [InlineData("rocksdb", "rocksdb", "rocksdb")]
    [InlineData("hashmap", "rocksdb", "hashmap")]
    [InlineData("rocksdb-small-cache", "hashmap", "rocksdb-incremental")]
    public async Task Live_rows_survive_restore_at_other_parallelisms(string first, string second, string third)
    {
        var model = new Dictionary<long, List<long?>>();
        var checkpoints = new HarnessCheckpoints();
        var random = new Random(9);

        var phase1 = await OpenAll(first, 1, null);
        for (int b = 0; b < 3; b++) await Feed(phase1, model, NextBatch(random, model, 300, keys: 60));
        var chk1 = await checkpoints.SnapshotAsync(1, phase1);
        await DisposeAll(phase1);

        var phase2 = await OpenAll(second, 3, chk1);
        for (int b = 0; b < 3; b++) await Feed(phase2, model, NextBatch(random, model, 300, keys: 80));
        var chk2 = await checkpoints.SnapshotAsync(2, phase2, savepoint: true);
        await DisposeAll(phase2);

        var phase3 = await OpenAll(third, 2, chk2);
        for (int b = 0; b < 3; b++) await Feed(phase3, model, NextBatch(random, model, 300, keys: 80));
        // Retracting every live row, oldest first, ends each key with -D and leaves no state.
        var all = model.SelectMany(e => e.Value.Select(v => ((long?)e.Key, v, RowKind.Delete))).ToList();
        await Feed(phase3, model, TestBatches.KeyValues(all));
        Assert.Empty(model);
        foreach (var h in phase3) Assert.Equal(0, ((SinkUpsertMaterializerOperator)h.Operator).Table.Count);
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
    private static async Task Feed(OperatorTestHarness[] harnesses, Dictionary<long, List<long?>> model, Batch batch)
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
            model.TryGetValue(k, out var rows);
            if (!batch.KindAt(i).IsRetraction())
            {
                expected.Add($"{(rows is null ? "+I" : "+U")}[{k}, {Text(v)}]");
                if (rows is null) model[k] = rows = [];
                rows.Add(v);
                continue;
            }
            int at = rows?.LastIndexOf(v) ?? -1;
            if (at < 0) continue;
            rows!.RemoveAt(at);
            if (rows.Count == 0)
            {
                expected.Add($"-D[{k}, {Text(v)}]");
                model.Remove(k);
            }
            else if (at == rows.Count)
            {
                expected.Add($"+U[{k}, {Text(rows[^1])}]");
            }
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

    /// <summary>Inserts (+I or +U; few values, so equal rows repeat), retractions (-U or -D) of live rows, and some of rows
    /// no key holds.</summary>
    private static Batch NextBatch(Random random, Dictionary<long, List<long?>> model, int rows, int keys)
    {
        var list = new List<(long?, long?, RowKind)>();
        var live = model.SelectMany(e => e.Value.Select(v => (e.Key, v))).ToList();
        for (int i = 0; i < rows; i++)
        {
            int pick = random.Next(10);
            if (pick < 4 && live.Count > 0)
            {
                int at = random.Next(live.Count);
                var (k, v) = live[at];
                live.RemoveAt(at);
                list.Add((k, v, pick < 2 ? RowKind.Delete : RowKind.UpdateBefore));
            }
            else if (pick == 4)
            {
                list.Add((random.Next(keys), 1000, RowKind.Delete));
            }
            else
            {
                long? v = random.Next(8) == 0 ? null : random.Next(0, 5);
                list.Add((random.Next(keys), v, random.Next(2) == 0 ? RowKind.Insert : RowKind.UpdateAfter));
            }
        }
        return TestBatches.KeyValues(list);
    }
}
