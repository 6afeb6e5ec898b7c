namespace StreamSql.Execution.State.Groups;

/// <summary>
/// Per-group state stored column-wise beside a <see cref="GroupTable"/> (an accumulator, a buffer of rows, a flag):
/// indexed by the table's dense group index, grown with it, reset when a group is removed, snapshot with it (copy-on-write
/// through the table's <see cref="SnapshotEpoch"/>) and written per group in the table's rows.
/// </summary>
public interface IGroupColumn
{
    /// <summary>Makes room for group indexes below <paramref name="groups"/>.</summary>
    void EnsureCapacity(int groups);

    /// <summary>The groups about to be written by a batch: pages a pending snapshot holds are copied first. The table calls
    /// it for every group a batch resolves; a column that also writes other entries (chains, arenas) protects those itself.</summary>
    void PrepareWrite(ReadOnlySpan<int> groups);

    /// <summary>The group was removed (its index may come back for another key): back to the initial state. Called without
    /// <see cref="PrepareWrite"/> (a pending snapshot may still hold the group's old state), so it must copy-on-write by
    /// itself, as <see cref="PagedColumn{T}.Set"/> does.</summary>
    void Reset(int group);

    /// <summary>Writes the group's state as it is now (spilling to RocksDB).</summary>
    void WriteState(int group, StateRowWriter writer);

    /// <summary>Loads a group's state written by <see cref="WriteState"/> or a snapshot (restore, reading back a spilled group).</summary>
    void ReadState(int group, ref StateRowReader reader);

    /// <summary>The synchronous part of a snapshot: a view that keeps the state as it is now (copy-on-write).</summary>
    IGroupColumnSnapshot Capture();

    /// <summary>Memory held, in bytes (for reports and cache sizing).</summary>
    long AllocatedBytes { get; }
}

/// <summary>A column's state as captured for a snapshot; <see cref="WriteState"/> may run on another thread.</summary>
public interface IGroupColumnSnapshot
{
    void WriteState(int group, StateRowWriter writer);
}

/// <summary>A column snapshot that knows how long each group's state row is before writing it: a snapshot of a table whose
/// rows are large (a join's stored rows) sizes its key groups' buffers once instead of growing them by copying.</summary>
internal interface ISizedColumnSnapshot : IGroupColumnSnapshot
{
    /// <summary>The length of what <see cref="IGroupColumnSnapshot.WriteState"/> writes for <paramref name="group"/>.</summary>
    long StateLength(int group);
}

/// <summary>A column snapshot whose state is its vectors' values in order (<see cref="IStateVectorView.Write"/> each): a
/// snapshot of vectors that are all fixed-size is encoded by a <see cref="FixedStateRowEncoder"/>.</summary>
internal interface IVectorsColumnSnapshot : IGroupColumnSnapshot
{
    IReadOnlyList<IStateVectorView> Views { get; }
}
