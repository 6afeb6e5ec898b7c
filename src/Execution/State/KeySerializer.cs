using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Apache.Arrow;
using StreamSql.Execution.Columns;
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
    private ColumnView[] _columns;

    public KeySerializer(IReadOnlyList<int> keyColumns)
    {
        _keyColumns = keyColumns.ToArray();
        _columns = new ColumnView[_keyColumns.Length];
    }

    public IReadOnlyList<int> KeyColumns => _keyColumns;

    /// <summary>The key of row <paramref name="row"/> of <paramref name="batch"/>; valid until the next call.</summary>
    public ReadOnlySpan<byte> Serialize(RecordBatch batch, int row)
    {
        if (!ReferenceEquals(batch, _batch))
        {
            for (int k = 0; k < _keyColumns.Length; k++) _columns[k] = new ColumnView(batch.Column(_keyColumns[k]));
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

    private int WriteValue(ColumnView column, int row, int pos)
    {
        if (column.IsNull(row))
        {
            Ensure(pos + 1);
            _buffer[pos] = 0;
            return pos + 1;
        }
        return ColumnKinds.Accept<KeyValueWriter, int>(column.Kind, new KeyValueWriter(this, column, row, pos));
    }

    /// <summary>Writes one non-null value: the presence byte 1, then the value's encoding (see the class summary).</summary>
    private readonly struct KeyValueWriter(KeySerializer owner, ColumnView column, int row, int pos) : IColumnVisitor<int>
    {
        public int Null()
        {
            owner.Ensure(pos + 1);
            owner._buffer[pos] = 0;
            return pos + 1;
        }

        public int Boolean()
        {
            owner.Ensure(pos + 2);
            owner._buffer[pos] = 1;
            owner._buffer[pos + 1] = column.GetBoolean(row) ? (byte)1 : (byte)0;
            return pos + 2;
        }

        public int Integer<T>(ColumnKind kind) where T : unmanaged, IBinaryInteger<T>, ISignedNumber<T>
        {
            owner.Ensure(pos + 11);
            owner._buffer[pos] = 1;
            long value = long.CreateTruncating(column.Values<T>()[row]);
            return VarInt.Write(owner._buffer, pos + 1, (ulong)((value << 1) ^ (value >> 63)));
        }

        public int Floating<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            owner.Ensure(pos + 1 + Unsafe.SizeOf<T>());
            owner._buffer[pos] = 1;
            T value = column.Values<T>()[row];
            // Equal SQL values, equal keys: -0.0 is 0.0 and every NaN is one NaN.
            if (T.IsZero(value)) value = T.Zero;
            if (T.IsNaN(value)) value = T.NaN;
            MemoryMarshal.Write(owner._buffer.AsSpan(pos + 1), in value);
            return pos + 1 + Unsafe.SizeOf<T>();
        }

        public int Decimal()
        {
            owner.Ensure(pos + 17);
            owner._buffer[pos] = 1;
            var value = column.Values<Int128>()[row];
            MemoryMarshal.Write(owner._buffer.AsSpan(pos + 1), in value);
            return pos + 17;
        }

        public int Bytes(bool utf8)
        {
            var value = column.GetBytes(row);
            owner.Ensure(pos + 6 + value.Length);
            owner._buffer[pos] = 1;
            int at = VarInt.Write(owner._buffer, pos + 1, (uint)value.Length);
            value.CopyTo(owner._buffer.AsSpan(at));
            return at + value.Length;
        }

        public int Struct() => throw NotAKey();
        public int List() => throw NotAKey();

        private NotSupportedException NotAKey() =>
            new($"a key column of type {column.Data.DataType.Name} cannot be used as a state key");
    }

    private void Ensure(int size)
    {
        if (size > _buffer.Length) System.Array.Resize(ref _buffer, Math.Max(size, _buffer.Length * 2));
    }
}
