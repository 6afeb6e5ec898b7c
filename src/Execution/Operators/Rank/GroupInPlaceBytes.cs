using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.Operators.Rank;

/// <summary>
/// A byte string per group (a Top-N's sorted buffer, a deduplication's kept row), or none, each in an array of its own
/// with room to spare so that it is changed in place (<see cref="Writable"/>) rather than rewritten: an append-only arena
/// would copy the whole string, and later compact it, for every change. Copy-on-write through the table's
/// <see cref="SnapshotEpoch"/>: a snapshot captures the arrays by reference, and an array last made private before it
/// began is copied before its next change while the snapshot is pending. In a state row a presence byte, then the length
/// and bytes (the format of <see cref="BytesVector"/>).
/// </summary>
public sealed class GroupInPlaceBytes(SnapshotEpoch epoch) : IGroupColumn
{
    private byte[]?[] _values = new byte[]?[16];
    private int[] _lengths = new int[16];
    // The epoch each array was allocated in: written in place while it is the current one, or while no snapshot is pending.
    private long[] _epochs = new long[16];
    private int _capacity;
    private long _allocatedBytes;

    public bool HasValue(int group) => _values[group] is not null;

    /// <summary>The group's bytes; changed by the next <see cref="Writable"/>, <see cref="Set"/> or <see cref="Clear"/> of
    /// the group (unless that copies the array first).</summary>
    public ReadOnlySpan<byte> Get(int group) => _values[group] is { } value ? value.AsSpan(0, _lengths[group]) : ReadOnlySpan<byte>.Empty;

    /// <summary>The group's array, at least <paramref name="capacity"/> bytes, holding its current bytes at the start and
    /// safe to change in place; the group's length stays as it was until <see cref="SetLength"/>.</summary>
    public Span<byte> Writable(int group, int capacity)
    {
        var value = _values[group];
        if (value is null || value.Length < capacity || (_epochs[group] != epoch.Current && epoch.HasPending))
        {
            int size = value is null || value.Length < capacity ? Math.Max(16, capacity + capacity / 4) : value.Length;
            var copy = new byte[size];
            if (value is not null) value.AsSpan(0, _lengths[group]).CopyTo(copy);
            else _lengths[group] = 0;
            _allocatedBytes += size - (value?.Length ?? 0);
            _values[group] = value = copy;
            _epochs[group] = epoch.Current;
        }
        return value;
    }

    /// <summary>Sets the group's length after changing its bytes through <see cref="Writable"/>.</summary>
    public void SetLength(int group, int length) => _lengths[group] = length;

    public void Set(int group, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Writable(group, bytes.Length));
        _lengths[group] = bytes.Length;
    }

    public void Clear(int group)
    {
        _allocatedBytes -= _values[group]?.Length ?? 0;
        _values[group] = null;
        _lengths[group] = 0;
    }

    public void EnsureCapacity(int groups)
    {
        if (groups <= _capacity) return;
        if (groups > _values.Length)
        {
            int size = Math.Max(groups, _values.Length * 2);
            Array.Resize(ref _values, size);
            Array.Resize(ref _lengths, size);
            Array.Resize(ref _epochs, size);
        }
        _capacity = groups;
    }

    // Copy-on-write is per array, in Writable.
    public void PrepareWrite(ReadOnlySpan<int> groups) { }

    public void Reset(int group) => Clear(group);

    public void WriteState(int group, StateRowWriter writer) => Write(writer, _values[group], _lengths[group]);

    public void ReadState(int group, ref StateRowReader reader)
    {
        if (reader.ReadByte() == 0) Clear(group);
        else Set(group, reader.ReadBytes());
    }

    public IGroupColumnSnapshot Capture() => new View(_values.AsSpan(0, _capacity).ToArray(), _lengths.AsSpan(0, _capacity).ToArray());

    public long AllocatedBytes => _allocatedBytes + (long)_values.Length * (IntPtr.Size + sizeof(int) + sizeof(long));

    private static void Write(StateRowWriter writer, byte[]? value, int length)
    {
        if (value is null)
        {
            writer.WriteByte(0);
            return;
        }
        writer.WriteByte(1);
        writer.WriteBytes(value.AsSpan(0, length));
    }

    /// <summary>Sized: a snapshot makes its key group buffers their final size at once (a Top-N's buffers of wide rows grew
    /// them by doubling, a tenth of a Top-1 query's time).</summary>
    private sealed class View(byte[]?[] values, int[] lengths) : ISizedColumnSnapshot
    {
        public void WriteState(int group, StateRowWriter writer) => Write(writer, values[group], lengths[group]);

        public long StateLength(int group) => values[group] is null ? 1 : 1 + VarInt.Size((ulong)lengths[group]) + lengths[group];
    }
}
