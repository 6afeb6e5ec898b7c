namespace StreamSql.Execution.State.Groups;

/// <summary>
/// One typed value per group, the building block of accumulators: grows with the table, copy-on-write through the
/// table's <see cref="SnapshotEpoch"/>, and encodes a group's value into its state row.
/// </summary>
public abstract class StateVector
{
    public abstract void EnsureCapacity(int groups);
    public abstract void PrepareWrite(ReadOnlySpan<int> groups);
    public abstract void Reset(int group);
    public abstract void Write(int group, StateRowWriter writer);
    public abstract void Read(int group, ref StateRowReader reader);
    public abstract IStateVectorView Capture();
    public abstract long AllocatedBytes { get; }
}

/// <summary>A <see cref="StateVector"/> as a snapshot captured it.</summary>
public interface IStateVectorView
{
    void Write(int group, StateRowWriter writer);
}

/// <summary>A captured vector of one fixed-size value per group, which a <see cref="FixedStateRowEncoder"/> reads from its
/// pages directly (no call per group).</summary>
internal interface IFixedStateVectorView : IStateVectorView
{
    FixedStateKind Kind { get; }

    /// <summary>The captured pages: <c>long[][]</c>, <c>double[][]</c>, <c>Int128[][]</c> or <c>byte[][]</c> by <see cref="Kind"/>.</summary>
    Array Pages { get; }
}

/// <summary>The encodings of <see cref="IFixedStateVectorView"/>s in a state row.</summary>
internal enum FixedStateKind : byte
{
    /// <summary>Zig-zag varint of a 64-bit integer (1–10 bytes).</summary>
    Int64,
    /// <summary>8 bytes, little-endian.</summary>
    Double,
    /// <summary>16 bytes, little-endian.</summary>
    Int128,
    /// <summary>1 byte.</summary>
    Byte,
}

/// <summary>A 64-bit integer per group (counts, integer sums, integer-backed values), encoded as a zig-zag varint.</summary>
public sealed class Int64Vector(SnapshotEpoch epoch, long initial = 0) : StateVector
{
    public PagedColumn<long> Values { get; } = new(epoch, initial);

    public ref long this[int group] => ref Values[group];

    public override void EnsureCapacity(int groups) => Values.EnsureCapacity(groups);
    public override void PrepareWrite(ReadOnlySpan<int> groups) => Values.PrepareWrite(groups);
    public override void Reset(int group) => Values.Reset(group);
    public override void Write(int group, StateRowWriter writer) => writer.WriteVarLong(Values.Get(group));
    public override void Read(int group, ref StateRowReader reader) => Values.Set(group, reader.ReadVarLong());
    public override IStateVectorView Capture() => new View(Values.Capture());
    public override long AllocatedBytes => Values.AllocatedBytes;

    private sealed class View(PagedColumnView<long> values) : IFixedStateVectorView
    {
        public FixedStateKind Kind => FixedStateKind.Int64;
        public Array Pages => values.Pages;

        public void Write(int group, StateRowWriter writer) => writer.WriteVarLong(values[group]);
    }
}

/// <summary>A double per group, 8 bytes in the state row.</summary>
public sealed class DoubleVector(SnapshotEpoch epoch, double initial = 0) : StateVector
{
    public PagedColumn<double> Values { get; } = new(epoch, initial);

    public ref double this[int group] => ref Values[group];

    public override void EnsureCapacity(int groups) => Values.EnsureCapacity(groups);
    public override void PrepareWrite(ReadOnlySpan<int> groups) => Values.PrepareWrite(groups);
    public override void Reset(int group) => Values.Reset(group);
    public override void Write(int group, StateRowWriter writer) => writer.WriteDouble(Values.Get(group));
    public override void Read(int group, ref StateRowReader reader) => Values.Set(group, reader.ReadDouble());
    public override IStateVectorView Capture() => new View(Values.Capture());
    public override long AllocatedBytes => Values.AllocatedBytes;

    private sealed class View(PagedColumnView<double> values) : IFixedStateVectorView
    {
        public FixedStateKind Kind => FixedStateKind.Double;
        public Array Pages => values.Pages;

        public void Write(int group, StateRowWriter writer) => writer.WriteDouble(values[group]);
    }
}

/// <summary>A 128-bit integer per group (DECIMAL sums and values, unscaled), 16 bytes in the state row.</summary>
public sealed class Int128Vector(SnapshotEpoch epoch) : StateVector
{
    public PagedColumn<Int128> Values { get; } = new(epoch);

    public ref Int128 this[int group] => ref Values[group];

    public override void EnsureCapacity(int groups) => Values.EnsureCapacity(groups);
    public override void PrepareWrite(ReadOnlySpan<int> groups) => Values.PrepareWrite(groups);
    public override void Reset(int group) => Values.Reset(group);
    public override void Write(int group, StateRowWriter writer) => writer.WriteInt128(Values.Get(group));
    public override void Read(int group, ref StateRowReader reader) => Values.Set(group, reader.ReadInt128());
    public override IStateVectorView Capture() => new View(Values.Capture());
    public override long AllocatedBytes => Values.AllocatedBytes;

    private sealed class View(PagedColumnView<Int128> values) : IFixedStateVectorView
    {
        public FixedStateKind Kind => FixedStateKind.Int128;
        public Array Pages => values.Pages;

        public void Write(int group, StateRowWriter writer) => writer.WriteInt128(values[group]);
    }
}

/// <summary>A byte per group (flags such as "has a value"), 1 byte in the state row.</summary>
public sealed class ByteVector(SnapshotEpoch epoch, byte initial = 0) : StateVector
{
    public PagedColumn<byte> Values { get; } = new(epoch, initial);

    public ref byte this[int group] => ref Values[group];

    public override void EnsureCapacity(int groups) => Values.EnsureCapacity(groups);
    public override void PrepareWrite(ReadOnlySpan<int> groups) => Values.PrepareWrite(groups);
    public override void Reset(int group) => Values.Reset(group);
    public override void Write(int group, StateRowWriter writer) => writer.WriteByte(Values.Get(group));
    public override void Read(int group, ref StateRowReader reader) => Values.Set(group, reader.ReadByte());
    public override IStateVectorView Capture() => new View(Values.Capture());
    public override long AllocatedBytes => Values.AllocatedBytes;

    private sealed class View(PagedColumnView<byte> values) : IFixedStateVectorView
    {
        public FixedStateKind Kind => FixedStateKind.Byte;
        public Array Pages => values.Pages;

        public void Write(int group, StateRowWriter writer) => writer.WriteByte(values[group]);
    }
}
