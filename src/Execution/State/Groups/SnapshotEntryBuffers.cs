namespace StreamSql.Execution.State.Groups;

/// <summary>
/// One growable buffer per key group of a <see cref="GroupTable"/>'s range, holding a snapshot's entries encoded as the
/// canonical file holds them (<see cref="CanonicalSnapshotWriter.WriteEntry"/>): a group's entry is written straight into its
/// key group's buffer, its columns' states included (no row built apart and copied). The table keeps the buffers of its
/// last written snapshot for the next one, so a checkpoint every second does not allocate (and fault in) its state's size anew.
/// </summary>
internal sealed class SnapshotEntryBuffers(int keyGroups)
{
    private readonly StateRowWriter?[] _writers = new StateRowWriter?[keyGroups];

    public ReadOnlySpan<byte> Written(int index) => _writers[index] is { } writer ? writer.Written : ReadOnlySpan<byte>.Empty;

    /// <summary>The buffer of key group <paramref name="index"/> (relative to the table's range), to append entries to.</summary>
    public StateRowWriter For(int index) => _writers[index] ??= new StateRowWriter();

    /// <summary>Empties every buffer, keeping its memory (about the size of the table's state: it is not counted in the
    /// table's <see cref="GroupTable.AllocatedBytes"/>).</summary>
    public void Clear()
    {
        foreach (var writer in _writers) writer?.Clear();
    }

    public long AllocatedBytes
    {
        get
        {
            long total = 0;
            foreach (var writer in _writers) total += writer?.Capacity ?? 0;
            return total;
        }
    }
}
