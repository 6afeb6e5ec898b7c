namespace StreamSql.Execution.Operators.Over;

/// <summary>
/// The partitions and peers of rows sorted by (partition, order keys): for sorted row i its partition's number and first
/// and last rows, the first and last of its peers (equal order keys in the same partition) and the peers' ordinal in the partition.
/// </summary>
internal sealed class SortedFrames
{
    public required int[] Partition { get; init; }
    public required int[] PartitionStart { get; init; }
    public required int[] PeerStart { get; init; }
    public required int[] PeerOrdinal { get; init; }
    /// <summary>One past the last row of the row's partition.</summary>
    public required int[] PartitionEnd { get; init; }
    /// <summary>One past the last of the row's peers.</summary>
    public required int[] PeerEnd { get; init; }
    public int Partitions { get; init; }

    public delegate ReadOnlySpan<byte> KeyOf(int entry);

    /// <summary><paramref name="order"/>: the entries in sorted order; their keys compared as bytes.</summary>
    public static SortedFrames Of(int[] order, int n, KeyOf partitionKey, KeyOf orderKey)
    {
        var partition = new int[n];
        var partitionStart = new int[n];
        var peerStart = new int[n];
        var peerOrdinal = new int[n];
        int partitions = 0;
        for (int i = 0; i < n; i++)
        {
            bool newPartition = i == 0 || !partitionKey(order[i]).SequenceEqual(partitionKey(order[i - 1]));
            bool newPeers = newPartition || !orderKey(order[i]).SequenceEqual(orderKey(order[i - 1]));
            if (newPartition) partitions++;
            partition[i] = partitions - 1;
            partitionStart[i] = newPartition ? i : partitionStart[i - 1];
            peerStart[i] = newPeers ? i : peerStart[i - 1];
            peerOrdinal[i] = newPartition ? 0 : newPeers ? peerOrdinal[i - 1] + 1 : peerOrdinal[i - 1];
        }
        var partitionEnd = new int[n];
        var peerEnd = new int[n];
        for (int i = n - 1; i >= 0; i--)
        {
            bool lastOfPartition = i == n - 1 || partitionStart[i + 1] != partitionStart[i];
            partitionEnd[i] = lastOfPartition ? i + 1 : partitionEnd[i + 1];
            peerEnd[i] = lastOfPartition || peerStart[i + 1] != peerStart[i] ? i + 1 : peerEnd[i + 1];
        }
        return new SortedFrames
        {
            Partition = partition, PartitionStart = partitionStart, PartitionEnd = partitionEnd,
            PeerStart = peerStart, PeerEnd = peerEnd, PeerOrdinal = peerOrdinal, Partitions = partitions,
        };
    }
}
