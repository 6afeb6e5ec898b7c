using System.Threading.Channels;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators;
using StreamSql.Execution.Runtime;
using StreamSql.Execution.Runtime.Exchange;
using StreamSql.Execution.Tests.Harness;
using static StreamSql.Execution.Batches.RowKind;

namespace StreamSql.Execution.Tests;

/// <summary>The key hashes a hash exchange computes travel with its rows, and the GroupAggregate operator uses them.</summary>
public sealed class KeyHashesTests
{
    [Fact]
    public async Task A_hash_exchange_sends_each_row_with_its_key_hash()
    {
        var channels = new[] { Channel.CreateUnbounded<StreamElement>(), Channel.CreateUnbounded<StreamElement>() };
        var partitioner = new HashPartitioner(channels.Select(c => c.Writer).ToArray(), [0], 128, 4096, TimeSpan.Zero, SystemClock.Instance);
        var rows = Enumerable.Range(0, 50).Select(i => ((long?)i, (long?)i, Insert)).ToArray();
        await partitioner.WriteBatchAsync(TestBatches.KeyValues(rows), CancellationToken.None);
        await partitioner.FlushAsync(CancellationToken.None);
        int received = 0;
        foreach (var channel in channels)
            while (channel.Reader.TryRead(out var element))
            {
                var batch = ((BatchElement)element).Batch;
                var hashes = Assert.IsType<KeyHashes>(batch.KeyHashes);
                Assert.True(hashes.Of([0]));
                var expected = new int[batch.Length];
                KeyGroups.HashKeys(batch.Data, [0], expected);
                Assert.Equal(expected, hashes.Values[..batch.Length]);
                received += batch.Length;
            }
        Assert.Equal(50, received);
    }

    [Fact]
    public async Task Group_aggregate_assigns_key_groups_from_the_hashes_it_receives()
    {
        // Subtask 0 of 2 owns key groups 0..63. Hashes that put the row in another subtask's key group must be the ones
        // used: the operator refuses the row instead of hashing the key itself.
        await using var h = await OperatorTestHarness.OpenAsync(GroupAggregates.CountSum(), HarnessBackend.HashMap, subtask: 0, parallelism: 2);
        var batch = TestBatches.Partition(TestBatches.KeyValues([(1, 1, Insert), (2, 1, Insert), (3, 1, Insert), (4, 1, Insert)]), 2)[0];
        Assert.True(batch.Length > 0);
        int foreign = Enumerable.Range(0, 100_000).First(x => KeyGroups.KeyGroupOf(x, 128) >= 64);
        var hashed = new Batch(batch.Data, batch.RowKinds) { KeyHashes = new KeyHashes(Enumerable.Repeat(foreign, batch.Length).ToArray(), [0]) };
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await h.ProcessBatchAsync(hashed));
        Assert.Contains("reached the subtask owning", error.Message);
        // Hashes of other columns are not used.
        var other = new Batch(batch.Data, batch.RowKinds) { KeyHashes = new KeyHashes(Enumerable.Repeat(foreign, batch.Length).ToArray(), [1]) };
        await h.ProcessBatchAsync(other);
        Assert.Equal(batch.Length, h.OutputRows.Count);
    }
}
