using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators.Join;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// An insert-only inner join keeps each side's rows pending until a probe needs them (<see cref="PendingJoinRows"/>). Over
/// random insert-only batches of two (k, v) inputs, its output must be what a nested loop over the rows seen so far gives,
/// in the same order (each probing row in batch order, its matches in their arrival order), and a checkpoint taken while
/// rows are pending must restore them all, on either backend at another parallelism.
/// </summary>
public sealed class StreamingJoinPendingRowsTests
{
    private static readonly RowSchema Joined = new([
        new Field("k", SqlType.BigInt), new Field("v", SqlType.BigInt), new Field("k0", SqlType.BigInt), new Field("v0", SqlType.BigInt)]);

    private static StreamingJoinOperator Create() =>
        new(new JoinSpec(JoinType.Inner, [0], [0], null, GroupAggregates.KeyValue, GroupAggregates.KeyValue, default, "Join", Joined, ChangelogMode.All)
        {
            LeftInsertOnly = true,
            RightInsertOnly = true,
        });

    private sealed record Input(int Side, (long? K, long? V, RowKind Kind)[] Rows);

    /// <summary>Batches in arrival order: the right side one batch in <paramref name="rightEvery"/>, each of up to
    /// <paramref name="maxRows"/> rows over <paramref name="keys"/> keys (a few NULL), every value distinct.</summary>
    private static List<Input> Inputs(int seed, int batches, int rightEvery, int maxRows, int keys)
    {
        var random = new Random(seed);
        var inputs = new List<Input>();
        long value = 0;
        for (int b = 0; b < batches; b++)
        {
            int side = random.Next(rightEvery) == 0 ? 1 : 0;
            var rows = new (long? K, long? V, RowKind Kind)[1 + random.Next(side == 1 ? Math.Max(1, maxRows / 8) : maxRows)];
            for (int r = 0; r < rows.Length; r++)
                rows[r] = (random.Next(50) == 0 ? null : random.Next(keys), ++value, RowKind.Insert);
            inputs.Add(new Input(side, rows));
        }
        return inputs;
    }

    /// <summary>The joined rows a nested loop gives, batch after batch, from <paramref name="from"/> on (every batch before
    /// it stored).</summary>
    private static List<string> Expected(List<Input> inputs, int from = 0)
    {
        var stored = new[] { new List<(long K, long V)>(), new List<(long K, long V)>() };
        var output = new List<string>();
        for (int b = 0; b < inputs.Count; b++)
        {
            var input = inputs[b];
            foreach (var (k, v, _) in input.Rows)
            {
                if (k is null) continue;
                if (b >= from)
                    foreach (var (k0, v0) in stored[1 - input.Side])
                        if (k0 == k) output.Add(input.Side == 0 ? $"+I[{k}, {v}, {k0}, {v0}]" : $"+I[{k0}, {v0}, {k}, {v}]");
            }
            foreach (var (k, v, _) in input.Rows)
                if (k is not null) stored[input.Side].Add((k.Value, v!.Value));
        }
        return output;
    }

    [Theory]
    [InlineData(1, 400, 60, 300, 5_000)]   // q7's shape: a few right rows probe a large left side (small probes)
    [InlineData(2, 400, 2, 300, 2_000)]    // both sides large and probing each other (bitmap probes, moves of every pending row)
    [InlineData(3, 300, 3, 40, 30)]        // few keys: most probes find pending rows of their keys
    public async Task Output_equals_a_nested_loop_in_order(int seed, int batches, int rightEvery, int maxRows, int keys)
    {
        var inputs = Inputs(seed, batches, rightEvery, maxRows, keys);
        await using var h = await OperatorTestHarness.OpenAsync(Create(), HarnessBackend.HashMap);
        foreach (var input in inputs) await h.ProcessBatchAsync(TestBatches.KeyValues(input.Rows), input.Side);
        var expected = Expected(inputs);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, h.OutputRows);
    }

    [Theory]
    [InlineData("hashmap", "rocksdb")]
    [InlineData("hashmap", "hashmap")]
    public async Task Pending_rows_are_in_the_checkpoint_and_restore_at_another_parallelism(string first, string second)
    {
        var inputs = Inputs(7, 300, 20, 200, 3_000);
        int half = inputs.Count / 2;
        var checkpoints = new HarnessCheckpoints();
        var one = await OperatorTestHarness.OpenAsync(Create(), GroupAggregateRescaleTests.Backend(first));
        for (int b = 0; b < half; b++) await one.ProcessBatchAsync(TestBatches.KeyValues(inputs[b].Rows), inputs[b].Side);
        Assert.Equal(Expected(inputs.GetRange(0, half)), one.OutputRows);
        var chk = await checkpoints.SnapshotAsync(1, [one]);
        await one.DisposeAsync();

        var output = new List<string>();
        for (int s = 0; s < 2; s++)
        {
            await using var h = await OperatorTestHarness.OpenAsync(Create(), GroupAggregateRescaleTests.Backend(second), s, 2, restoreFrom: chk);
            for (int b = half; b < inputs.Count; b++)
            {
                var part = TestBatches.Partition(TestBatches.KeyValues(inputs[b].Rows), 2)[s];
                if (part.Length > 0) await h.ProcessBatchAsync(part, inputs[b].Side);
            }
            output.AddRange(h.OutputRows);
        }
        var expected = Expected(inputs, half);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(StringComparer.Ordinal), output.Order(StringComparer.Ordinal));
    }
}
