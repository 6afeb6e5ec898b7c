namespace StreamSql.Execution.State.Groups;

/// <summary>
/// One growable byte buffer per key group of a <see cref="GroupTable"/>'s range, holding a snapshot's entries encoded as the
/// canonical file holds them (<see cref="CanonicalSnapshotWriter.EncodeEntry"/>). The table keeps the buffers of its last
/// written snapshot for the next one, so a checkpoint every second does not allocate (and fault in) its state's size anew.
/// </summary>
internal sealed class SnapshotEntryBuffers(int keyGroups)
{
    private readonly byte[][] _bytes = new byte[keyGroups][];
    private readonly int[] _lengths = new int[keyGroups];

    public ReadOnlySpan<byte> Written(int index) => _bytes[index] is { } bytes ? bytes.AsSpan(0, _lengths[index]) : ReadOnlySpan<byte>.Empty;

    public void Add(int index, ushort stateId, ReadOnlySpan<byte> key, ReadOnlySpan<byte> userKey, ReadOnlySpan<byte> value)
    {
        int size = CanonicalSnapshotWriter.EncodedSize(key.Length, userKey.Length, value.Length);
        ref var bytes = ref _bytes[index];
        int length = _lengths[index];
        if (bytes is null) bytes = new byte[Math.Max(256, size)];
        else if (length + size > bytes.Length) System.Array.Resize(ref bytes, Math.Max(length + size, bytes.Length * 2));
        _lengths[index] = length + CanonicalSnapshotWriter.EncodeEntry(stateId, key, userKey, value, bytes.AsSpan(length));
    }

    /// <summary>Empties every buffer, keeping its memory (about the size of the table's state: it is not counted in the
    /// table's <see cref="GroupTable.AllocatedBytes"/>).</summary>
    public void Clear() => System.Array.Clear(_lengths);

    public long AllocatedBytes
    {
        get
        {
            long total = 0;
            foreach (var b in _bytes) total += b?.Length ?? 0;
            return total;
        }
    }
}
