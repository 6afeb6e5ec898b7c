using Apache.Arrow;
using StreamSql.Execution.Aggregates.HyperLogLog;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Aggregates;

/// <summary>The APPROX_COUNT_DISTINCT accumulator over group indexes: NULLs and filtered rows skipped, each group its own
/// sketch, merge of groups, and a group's state row read back (restore, spilling) or written from a snapshot taken before
/// later updates.</summary>
public sealed class ApproxCountDistinctAccumulatorTests
{
    private static Int64Array Values(IEnumerable<long?> values)
    {
        var builder = new Int64Array.Builder();
        foreach (var v in values) if (v is { } x) builder.Append(x); else builder.AppendNull();
        return builder.Build();
    }

    private static long Single(ApproxCountDistinctAccumulator accumulator, int group) =>
        ((Int64Array)accumulator.Evaluate([group])).GetValue(0)!.Value;

    private static long Sketch(IEnumerable<long> values)
    {
        var words = new long[HyperLogLogPlusPlus.WordCount];
        foreach (var v in values) HyperLogLogPlusPlus.Add(words, XxHash64.HashLong(v));
        return HyperLogLogPlusPlus.Estimate(words);
    }

    [Fact]
    public void Groups_keep_their_own_sketches_skipping_nulls_and_filtered_rows()
    {
        var epoch = new SnapshotEpoch();
        var accumulator = new ApproxCountDistinctAccumulator(epoch, SqlType.BigInt);
        accumulator.EnsureCapacity(3);
        var rows = Enumerable.Range(0, 3000).Select(i => i % 97 == 0 ? (long?)null : i % 1000).ToList();
        var groups = Enumerable.Range(0, rows.Count).Select(i => i % 3).ToArray();
        var filter = Enumerable.Range(0, rows.Count).Select(i => i % 5 != 0).ToArray();
        accumulator.Update([Values(rows)], groups, filter);
        for (int g = 0; g < 3; g++)
        {
            var expected = Enumerable.Range(0, rows.Count).Where(i => groups[i] == g && filter[i] && rows[i] is not null).Select(i => rows[i]!.Value).Distinct();
            Assert.Equal(Sketch(expected), Single(accumulator, g));
        }
        accumulator.Merge([1, 2], [0, 0]);
        var all = Enumerable.Range(0, rows.Count).Where(i => filter[i] && rows[i] is not null).Select(i => rows[i]!.Value).Distinct();
        Assert.Equal(Sketch(all), Single(accumulator, 0));
        Assert.Throws<InvalidOperationException>(() => accumulator.Retract([Values([1])], [0], default));
    }

    [Fact]
    public void A_state_row_restores_the_sketch_and_a_snapshot_keeps_its_moment()
    {
        var epoch = new SnapshotEpoch();
        var accumulator = new ApproxCountDistinctAccumulator(epoch, SqlType.BigInt);
        accumulator.EnsureCapacity(5000);
        var values = Enumerable.Range(0, 20000).Select(i => (long?)(i * 7919L)).ToList();
        accumulator.Update([Values(values)], Enumerable.Repeat(4999, values.Count).ToArray(), default);
        long before = Single(accumulator, 4999);

        epoch.BeginSnapshot();
        var snapshot = accumulator.Capture();
        accumulator.PrepareWrite([4999]);
        accumulator.Update([Values(Enumerable.Range(0, 50000).Select(i => (long?)-i))], Enumerable.Repeat(4999, 50000).ToArray(), default);
        Assert.NotEqual(before, Single(accumulator, 4999));
        var writer = new StateRowWriter();
        snapshot.WriteState(4999, writer);
        epoch.EndSnapshot();

        var restored = new ApproxCountDistinctAccumulator(new SnapshotEpoch(), SqlType.BigInt);
        restored.EnsureCapacity(2);
        var reader = new StateRowReader(writer.Written);
        restored.ReadState(1, ref reader);
        Assert.Equal(before, Single(restored, 1));
        Assert.Equal(0, Single(restored, 0));

        // The live state written and read back is the live sketch.
        writer.Clear();
        accumulator.WriteState(4999, writer);
        reader = new StateRowReader(writer.Written);
        restored.ReadState(0, ref reader);
        Assert.Equal(Single(accumulator, 4999), Single(restored, 0));
        restored.Reset(0);
        Assert.Equal(0, Single(restored, 0));
    }
}
