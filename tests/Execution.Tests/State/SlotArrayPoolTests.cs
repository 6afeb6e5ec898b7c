using StreamSql.Execution.Batches;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Tests.Harness;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.State;

/// <summary>
/// Hash-index slot arrays reused through <see cref="SlotArrayPool"/>: a rented array is zeroed whatever it held, and a table
/// of a later job, growing through arrays an earlier job's tables gave back, finds its own keys and none of the earlier ones.
/// </summary>
public sealed class SlotArrayPoolTests
{
    private static readonly int[] KeyColumns = [0];

    [Fact]
    public void A_rented_array_is_zeroed_even_when_it_was_returned_dirty()
    {
        for (int round = 0; round < 4; round++)
        {
            var dirty = SlotArrayPool.Rent(SlotArrayPool.MinLength);
            Array.Fill(dirty, ulong.MaxValue);
            SlotArrayPool.Return(dirty);
            var rented = SlotArrayPool.Rent(SlotArrayPool.MinLength);
            Assert.Equal(SlotArrayPool.MinLength, rented.Length);
            Assert.True(Array.TrueForAll(rented, slot => slot == 0), "a rented slot array held an earlier index's slots");
            SlotArrayPool.Return(rented);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_later_jobs_table_finds_only_its_own_keys(bool serializedKeys)
    {
        const int Keys = 60_000;
        var keyTypes = serializedKeys ? new[] { SqlType.BigInt, SqlType.BigInt } : new[] { SqlType.BigInt };
        int[] keyColumns = serializedKeys ? [0, 1] : KeyColumns;
        using (var earlier = StateTestSupport.Create("hashmap", false, new(0, 127)))
        {
            var table = earlier.GetGroupTable("t", new GroupTableSpec(keyTypes));
            table.Resolve(Batch(0, Keys), keyColumns);
            Assert.Equal(Keys, table.Count);
        }
        using var later = StateTestSupport.Create("hashmap", false, new(0, 127));
        var next = later.GetGroupTable("t", new GroupTableSpec(keyTypes));
        var groups = next.Resolve(Batch(Keys, Keys), keyColumns).Groups.ToArray();
        Assert.Equal(Keys, next.Count);
        Assert.Equal(Keys, groups.Distinct().Count());
        Assert.All(next.Probe(Batch(0, Keys), keyColumns).Groups.ToArray(), g => Assert.Equal(-1, g));
        Assert.Equal(groups, next.Probe(Batch(Keys, Keys), keyColumns).Groups.ToArray());
    }

    private static Apache.Arrow.RecordBatch Batch(long first, int count) =>
        TestBatches.KeyValues(Enumerable.Range(0, count).Select(k => ((long?)(first + k), (long?)(first + k), RowKind.Insert)).ToList()).Data;
}
