using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Runtime;

namespace StreamSql.Execution.State;

/// <summary>
/// Encodes the key columns of one row into a compact, deterministic byte string (the key of keyed state), into a reused
/// buffer: the span returned by <see cref="Serialize"/> is valid until the next call. Equal SQL values give equal bytes
/// (-0.0 = 0.0, one NaN). Per column: a byte 0 (NULL) or 1, then the value:
/// BOOLEAN 1 byte; integer-backed types (TINYINT..BIGINT, DATE, TIME, TIMESTAMP[_LTZ], INTERVAL) the value widened to 64
/// bits as a zig-zag varint; FLOAT 4 and DOUBLE 8 little-endian bytes; DECIMAL the 16-byte unscaled value;
/// STRING/BYTES a varint length and the bytes.
/// </summary>
public sealed class KeySerializer
{
    private readonly int[] _keyColumns;
    private byte[] _buffer = new byte[64];
    private RecordBatch? _batch;
    private ArrayData[] _columns;

    public KeySerializer(IReadOnlyList<int> keyColumns)
    {
        _keyColumns = keyColumns.ToArray();
        _columns = new ArrayData[_keyColumns.Length];
    }

    public IReadOnlyList<int> KeyColumns => _keyColumns;

    /// <summary>The key of row <paramref name="row"/> of <paramref name="batch"/>; valid until the next call.</summary>
    public ReadOnlySpan<byte> Serialize(RecordBatch batch, int row)
    {
        if (!ReferenceEquals(batch, _batch))
        {
            for (int k = 0; k < _keyColumns.Length; k++) _columns[k] = batch.Column(_keyColumns[k]).Data;
            _batch = batch;
        }
        int pos = 0;
        for (int k = 0; k < _columns.Length; k++) pos = WriteValue(_columns[k], row, pos);
        return _buffer.AsSpan(0, pos);
    }

    /// <summary>The key group of every row (Flink's assignment over <see cref="Batches.ColumnHasher"/> hashes).</summary>
    public void ComputeKeyGroups(RecordBatch batch, int maxParallelism, Span<int> keyGroups)
    {
        KeyGroups.HashKeys(batch, _keyColumns, keyGroups);
        for (int i = 0; i < batch.Length; i++) keyGroups[i] = KeyGroups.KeyGroupOf(keyGroups[i], maxParallelism);
    }

    private int WriteValue(ArrayData data, int row, int pos)
    {
        int index = data.Offset + row;
        if (data.NullCount != 0 && data.Buffers.Length > 0 && !data.Buffers[0].IsEmpty
            && (data.Buffers[0].Span[index >> 3] & (1 << (index & 7))) == 0)
        {
            Ensure(pos + 1);
            _buffer[pos] = 0;
            return pos + 1;
        }
        if (data.DataType.TypeId == ArrowTypeId.Null)
        {
            Ensure(pos + 1);
            _buffer[pos] = 0;
            return pos + 1;
        }
        Ensure(pos + 17);
        _buffer[pos++] = 1;
        var values = data.Buffers[1].Span;
        switch (data.DataType.TypeId)
        {
            case ArrowTypeId.Boolean:
                _buffer[pos] = (byte)((values[index >> 3] >> (index & 7)) & 1);
                return pos + 1;
            case ArrowTypeId.Int8: return WriteVarLong(MemoryMarshal.Cast<byte, sbyte>(values)[index], pos);
            case ArrowTypeId.UInt8: return WriteVarLong(values[index], pos);
            case ArrowTypeId.Int16: return WriteVarLong(MemoryMarshal.Cast<byte, short>(values)[index], pos);
            case ArrowTypeId.Int32:
            case ArrowTypeId.Date32:
            case ArrowTypeId.Time32:
                return WriteVarLong(MemoryMarshal.Cast<byte, int>(values)[index], pos);
            case ArrowTypeId.Int64:
            case ArrowTypeId.Date64:
            case ArrowTypeId.Time64:
            case ArrowTypeId.Timestamp:
            case ArrowTypeId.Duration:
                return WriteVarLong(MemoryMarshal.Cast<byte, long>(values)[index], pos);
            case ArrowTypeId.Float:
            {
                float f = MemoryMarshal.Cast<byte, float>(values)[index];
                if (f == 0f) f = 0f;
                if (float.IsNaN(f)) f = float.NaN;
                BinaryPrimitives.WriteSingleLittleEndian(_buffer.AsSpan(pos), f);
                return pos + 4;
            }
            case ArrowTypeId.Double:
            {
                double d = MemoryMarshal.Cast<byte, double>(values)[index];
                if (d == 0d) d = 0d;
                if (double.IsNaN(d)) d = double.NaN;
                BinaryPrimitives.WriteDoubleLittleEndian(_buffer.AsSpan(pos), d);
                return pos + 8;
            }
            case ArrowTypeId.Decimal128:
                values.Slice(index * 16, 16).CopyTo(_buffer.AsSpan(pos));
                return pos + 16;
            case ArrowTypeId.String:
            case ArrowTypeId.Binary:
            {
                var offsets = MemoryMarshal.Cast<byte, int>(values);
                int start = offsets[index], length = offsets[index + 1] - start;
                Ensure(pos + 5 + length);
                pos = VarInt.Write(_buffer, pos, (uint)length);
                if (length > 0) data.Buffers[2].Span.Slice(start, length).CopyTo(_buffer.AsSpan(pos));
                return pos + length;
            }
            default:
                throw new NotSupportedException($"a key column of type {data.DataType.Name} cannot be used as a state key");
        }
    }

    private int WriteVarLong(long value, int pos) => VarInt.Write(_buffer, pos, (ulong)((value << 1) ^ (value >> 63)));

    private void Ensure(int size)
    {
        if (size > _buffer.Length) System.Array.Resize(ref _buffer, Math.Max(size, _buffer.Length * 2));
    }
}
