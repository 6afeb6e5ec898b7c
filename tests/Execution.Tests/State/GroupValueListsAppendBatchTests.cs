using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.Tests.State;

/// <summary>
/// <see cref="GroupValueLists.AppendBatch"/> (a regular join's insert-only side stores a batch at once) keeps the same
/// lists as appending row by row, leaves a pending snapshot's view unchanged, and reads back values stored across many
/// arena chunks (chunks grow from 1 MiB to 8 MiB, so handles carry offsets beyond the first MiB; a batch whose rows all
/// have groups is copied into the arena a chunk's worth at a time, <see cref="ByteArena.AppendAll"/>).
/// </summary>
public sealed class GroupValueListsAppendBatchTests
{
    private const int Groups = 97;

    [Fact]
    public void A_batch_appends_the_lists_row_by_row_appends_make_and_keeps_a_pending_snapshots_view()
    {
        var random = new Random(11);
        var batchedEpoch = new SnapshotEpoch();
        var batched = new GroupValueLists(batchedEpoch);
        var rowByRow = new GroupValueLists(new SnapshotEpoch());
        batched.EnsureCapacity(Groups);
        rowByRow.EnsureCapacity(Groups);
        GroupValueListsView? view = null;
        List<byte[]>[]? atSnapshot = null;
        // ~40 MiB of values in batches of 1,000 rows, in some batches rows without a group (-1), a snapshot pending mid-way.
        for (int b = 0; b < 140; b++)
        {
            int n = 1000;
            var groups = new int[n];
            var offsets = new int[n + 1];
            var bytes = new List<byte>();
            for (int i = 0; i < n; i++)
            {
                // Odd batches have rows without a group; in even ones every row has one (the arena takes them in bulk).
                groups[i] = b % 2 == 1 && random.Next(10) == 0 ? -1 : random.Next(Groups);
                var value = new byte[random.Next(0, 600)];
                random.NextBytes(value);
                bytes.AddRange(value);
                offsets[i + 1] = bytes.Count;
            }
            var buffer = bytes.ToArray();
            if (b == 70)
            {
                batchedEpoch.BeginSnapshot();
                view = batched.Capture();
                atSnapshot = Lists(batched);
            }
            int appended = batched.AppendBatch(groups, buffer, offsets);
            Assert.Equal(groups.Count(g => g >= 0), appended);
            for (int i = 0; i < n; i++)
                if (groups[i] >= 0) rowByRow.Append(groups[i], buffer.AsSpan(offsets[i], offsets[i + 1] - offsets[i]), cancelPending: false);
        }
        Assert.True(batched.AllocatedBytes > 30 << 20, $"{batched.AllocatedBytes} bytes");

        var expected = Lists(rowByRow);
        var actual = Lists(batched);
        for (int g = 0; g < Groups; g++)
        {
            Assert.Equal(expected[g].Count, actual[g].Count);
            for (int i = 0; i < expected[g].Count; i++) Assert.Equal(expected[g][i], actual[g][i]);
        }
        for (int g = 0; g < Groups; g++)
        {
            int i = 0;
            for (int e = view!.First(g); e >= 0; e = view.Next(e), i++) Assert.Equal(atSnapshot![g][i], view.Value(e).ToArray());
            Assert.Equal(atSnapshot![g].Count, i);
        }
        batchedEpoch.EndSnapshot();
    }

    private static List<byte[]>[] Lists(GroupValueLists lists)
    {
        var result = new List<byte[]>[Groups];
        for (int g = 0; g < Groups; g++)
        {
            result[g] = [];
            for (int e = lists.First(g); e >= 0; e = lists.Next(e)) result[g].Add(lists.Value(e).ToArray());
        }
        return result;
    }
}
