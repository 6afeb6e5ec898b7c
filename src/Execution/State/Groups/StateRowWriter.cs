using System.Buffers.Binary;

namespace StreamSql.Execution.State.Groups;

/// <summary>
/// Builds the bytes of one group's state (a reused buffer): what a <see cref="IGroupColumn"/> writes for a group in a
/// snapshot or when it spills. Integers are zig-zag varints (small counts stay small), doubles 8 and decimals 16
/// little-endian bytes, byte strings a varint length and the bytes.
/// </summary>
public sealed class StateRowWriter
{
    private byte[] _buffer = new byte[256];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[Length++] = value;
    }

    public void WriteBoolean(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    public void WriteVarLong(long value) => WriteVarULong((ulong)((value << 1) ^ (value >> 63)));

    public void WriteVarULong(ulong value)
    {
        Ensure(10);
        Length = VarInt.Write(_buffer, Length, value);
    }

    public void WriteDouble(double value)
    {
        Ensure(8);
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer.AsSpan(Length), value);
        Length += 8;
    }

    public void WriteInt128(Int128 value)
    {
        Ensure(16);
        BinaryPrimitives.WriteInt128LittleEndian(_buffer.AsSpan(Length), value);
        Length += 16;
    }

    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        WriteVarULong((ulong)value.Length);
        WriteRaw(value);
    }

    public void WriteRaw(ReadOnlySpan<byte> value)
    {
        Ensure(value.Length);
        value.CopyTo(_buffer.AsSpan(Length));
        Length += value.Length;
    }

    /// <summary>Writes a value of any type, ROW, ARRAY, MULTISET and MAP included, as <see cref="StateValueCodec"/> encodes
    /// it (its presence byte first): self-delimiting, and equal values give equal bytes.</summary>
    internal void WriteStateValue(in Columns.ColumnView column, int row)
    {
        Ensure(StateValueCodec.SizeWithPresence(column, row));
        Length = StateValueCodec.WriteWithPresence(column, row, _buffer, Length);
    }

    /// <summary>Reserves room for a varint length written later by <see cref="EndLengthPrefixed"/>; returns the mark.</summary>
    internal int BeginLengthPrefixed()
    {
        Ensure(1);
        return Length++;
    }

    /// <summary>Writes the length of what followed <paramref name="mark"/> as a varint in front of it. One byte was reserved:
    /// the common short state (under 128 bytes) is not moved; a longer one moves up to make room for its longer prefix.</summary>
    internal void EndLengthPrefixed(int mark)
    {
        int start = mark + 1;
        int length = Length - start;
        if (length < 0x80)
        {
            _buffer[mark] = (byte)length;
            return;
        }
        int n = VarInt.Size((ulong)length);
        Ensure(n - 1);
        _buffer.AsSpan(start, length).CopyTo(_buffer.AsSpan(mark + n));
        VarInt.Write(_buffer, mark, (ulong)length);
        Length = mark + n + length;
    }

    /// <summary>Room for at least <paramref name="length"/> bytes after what was written, to fill and then
    /// <see cref="Advance"/> over.</summary>
    internal Span<byte> Reserve(int length)
    {
        Ensure(length);
        return _buffer.AsSpan(Length);
    }

    /// <summary>Counts <paramref name="length"/> bytes filled in through <see cref="Reserve"/> as written.</summary>
    internal void Advance(int length) => Length += length;

    /// <summary>Bytes held by the buffer.</summary>
    public int Capacity => _buffer.Length;

    /// <summary>Room for <paramref name="total"/> bytes in all, allocated at once (not zeroed: only written bytes are read).</summary>
    internal void EnsureCapacity(long total)
    {
        if (total <= _buffer.Length) return;
        var grown = GC.AllocateUninitializedArray<byte>(checked((int)total));
        _buffer.AsSpan(0, Length).CopyTo(grown);
        _buffer = grown;
    }

    private void Ensure(int extra)
    {
        if (Length + extra > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + extra));
    }
}

/// <summary>Reads what <see cref="StateRowWriter"/> wrote; <see cref="InvalidDataException"/> on malformed input.</summary>
public ref struct StateRowReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public StateRowReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public bool AtEnd => _position >= _data.Length;

    public byte ReadByte()
    {
        if (_position >= _data.Length) throw new InvalidDataException("group state is truncated");
        return _data[_position++];
    }

    public bool ReadBoolean() => ReadByte() != 0;

    public long ReadVarLong()
    {
        ulong v = VarInt.Read(_data, ref _position);
        return (long)(v >> 1) ^ -(long)(v & 1);
    }

    public ulong ReadVarULong() => VarInt.Read(_data, ref _position);

    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    public Int128 ReadInt128() => BinaryPrimitives.ReadInt128LittleEndian(Take(16));

    public ReadOnlySpan<byte> ReadBytes() => Take(checked((int)ReadVarULong()));

    public ReadOnlySpan<byte> Take(int length)
    {
        if (length < 0 || _position + length > _data.Length) throw new InvalidDataException("group state is truncated");
        var span = _data.Slice(_position, length);
        _position += length;
        return span;
    }
}
